export { createNodeClient, retryAfterMs, type NodeClient, type NodeClientOptions, type NodeRequest } from './client.js';
export { walletAuth, sessionAuth, accessNonceExpiry, nonceIssuedAt, MAX_ACCESS_TTL_MS, type NodeAuth, type NodeAuthFields, type WalletAuthOptions } from './auth.js';
export { nodeErrorOf, type NodeEnvelope } from './errors.js';
export {
  createVm,
  createVmAdditional,
  listVms,
  getVm,
  vmAction,
  getVmLogs,
  setVmPassword,
  listImages,
  getSessionId,
  type NodeTarget,
  type VmStatus,
  type VmSummary,
  type VmDetail,
  type CreateVmParams,
  type VmAction,
  type NodeImage,
} from './tasks.js';
