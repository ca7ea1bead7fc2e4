import { DbcInputError } from '@dbc-cloud/chain/errors';

/** Where a page ended: the last item's sort value and id, and the query it belongs to. */
export interface SearchCursor {
  /** Fingerprint of the query (filters and sort, not paging). */
  query: string;
  value: number;
  id: string;
}

/**
 * Encodes a cursor as opaque base64url text. It names the last item seen, not an offset, so the
 * next page neither repeats nor skips machines when a new snapshot arrives between pages.
 */
export function encodeCursor(c: SearchCursor): string {
  const value = Number.isFinite(c.value) ? c.value : String(c.value);
  return btoa(JSON.stringify([1, c.query, value, c.id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a cursor of `query`; throws DbcInputError for a malformed cursor or another query's. */
export function decodeCursor(text: string, query: string): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== 1 || typeof parsed[1] !== 'string' || typeof parsed[3] !== 'string') {
    throw new DbcInputError('INVALID_CURSOR', 'cursor: this is not a cursor from machines.search; pass nextCursor unchanged.', { details: { cursor: text } });
  }
  if (parsed[1] !== query) {
    throw new DbcInputError('INVALID_CURSOR', 'cursor: it belongs to a different search; keep the filters and sort the same while paging.', {
      details: { cursor: text },
    });
  }
  const value = typeof parsed[2] === 'number' ? parsed[2] : Number(parsed[2]);
  return { query: parsed[1], value, id: parsed[3] };
}
