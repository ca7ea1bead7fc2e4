export { DbcError, redact, type DbcErrorOptions } from './base.js';
export {
  DbcInputError,
  DbcChainError,
  DbcTxRejectedError,
  DbcNodeError,
  DbcNetworkError,
  DbcTimeoutError,
  DbcAbortError,
  DbcUnsupportedError,
  throwIfAborted,
  abortErrorOf,
  sleep,
} from './families.js';
