import type { ServerResponse } from 'node:http';
import type { ProxyRequest } from './http.js';
import { sendBody } from './http.js';
import type { SnapshotRefresher } from './snapshotRefresher.js';

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);

/**
 * `GET …/machines/snapshot[?sinceBlock=N]`: the full snapshot, or a delta from block N when that base
 * is still kept. Always revalidated (`Cache-Control: no-cache` + ETag → 304), and the block it
 * reflects is in `X-Dbc-Block`.
 */
export async function serveSnapshot(
  refresher: SnapshotRefresher,
  req: ProxyRequest,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const latest = await refresher.current();
  const since = url.searchParams.get('sinceBlock');
  const sinceBlock = since !== null && /^\d{1,12}$/.test(since) ? Number(since) : null;
  const delta = sinceBlock === null ? null : refresher.history.deltaSince(sinceBlock);
  const etag = delta ? `"${latest.etag.slice(1, -1)}.${sinceBlock}"` : latest.etag;
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'X-Dbc-Block': String(latest.toBlock) };
  if (matches(req.headers['if-none-match'], etag)) return sendBody(res, 304, '', headers);
  const body = delta ? JSON.stringify(delta) : latest.json;
  sendBody(res, 200, req.method === 'HEAD' ? '' : body, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
  });
}
