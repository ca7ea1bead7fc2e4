/** At most this many super nodes can be nominated at once (MaxNominations). */
export const MAX_NOMINATIONS = 16;
