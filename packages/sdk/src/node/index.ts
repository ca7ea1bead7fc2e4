export { createNodeClient, retryAfterMs, type NodeClient, type NodeClientOptions, type NodeRequest } from './client.js';
export { walletAuth, sessionAuth, type NodeAuth, type NodeAuthFields } from './auth.js';
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
