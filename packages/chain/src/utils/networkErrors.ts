import { DbcAbortError, DbcError, DbcNetworkError } from '../errors/index.js';

/**
 * Messages polkadot.js (WsProvider, HttpProvider, rpc-core) uses when the transport, not the node,
 * failed: the request may never have reached the node, so an idempotent read can be sent again.
 */
const TRANSPORT_FAULT =
  /disconnected from|WebSocket is not connected|not connected|No response received from RPC endpoint|Abnormal Closure|socket hang up|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|fetch failed|network error/i;

/** True when `error` is a transport fault (disconnect, refused connection, RPC timeout). */
export function isNetworkFault(error: unknown): boolean {
  if (error instanceof DbcNetworkError) return true;
  if (error instanceof DbcError) return false;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return TRANSPORT_FAULT.test(message);
}

/**
 * Turns whatever a read threw into a DbcError: transport faults become a retryable
 * DbcNetworkError, our own errors pass through, anything else (an RPC error the node answered
 * with, a decoding failure) becomes `CHAIN_READ_FAILED` naming what was being read.
 */
export function toReadError(error: unknown, what: string): DbcError {
  if (error instanceof DbcError) return error;
  if (isNetworkFault(error)) {
    return new DbcNetworkError('CHAIN_DISCONNECTED', `The connection to the chain failed while reading ${what}.`, {
      cause: error,
      details: { what },
      metaMessages: ['The read is safe to retry; the provider reconnects by itself.'],
    });
  }
  if (error instanceof Error && error.name === 'AbortError') return new DbcAbortError(`Reading ${what} was aborted.`, { cause: error });
  return new DbcError('CHAIN_READ_FAILED', `Reading ${what} from the chain failed.`, { cause: error, details: { what } });
}
