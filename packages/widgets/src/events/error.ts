/** A failure a widget reports: `code` is stable (switch on it), `message` one human sentence. */
export interface WidgetErrorDetail {
  code: string;
  message: string;
}

/**
 * Fired by a widget when something the user asked for failed (a quote, a wallet connection). The
 * widget also shows the error itself; the event lets the host log it or react.
 */
export class DbcErrorEvent extends CustomEvent<{ error: WidgetErrorDetail }> {
  constructor(error: WidgetErrorDetail) {
    super('dbc-error', { detail: { error }, bubbles: true, composed: true });
  }

  /**
   * The `{ code, message }` of anything thrown: a DbcError's code and short message, otherwise
   * `fallbackCode` and the error's message.
   */
  static detailOf(error: unknown, fallbackCode: string): WidgetErrorDetail {
    const e = error as { code?: unknown; shortMessage?: unknown; message?: unknown } | null;
    const code = typeof e?.code === 'string' && e.code ? e.code : fallbackCode;
    const message =
      typeof e?.shortMessage === 'string' && e.shortMessage
        ? e.shortMessage
        : typeof e?.message === 'string' && e.message
          ? e.message
          : String(error);
    return { code, message };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-error': DbcErrorEvent;
  }
}
