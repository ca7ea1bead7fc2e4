// The implementation behind `createVmsResource` (./index.ts), which imports this module on first
// use: the VM calls and the client-node transport they use stay out of the bundle of an app that
// only browses and quotes.
import type { ClientContext } from '../client/context.js';
import { getVmConnectionInfo } from './connectionInfo.js';
import { createVm } from './createVm.js';
import { getVm } from './getVm.js';
import { getVmLogs } from './getVmLogs.js';
import type { VmsResource } from './index.js';
import { listVmImages } from './listImages.js';
import { listVms } from './listVms.js';
import { setVmPassword } from './setVmPassword.js';
import { suggestVmResources } from './suggestResources.js';
import { runVmAction } from './vmActions.js';
import { createVmsContext, type VmsOptions } from './vmsContext.js';
import { waitUntilReady } from './waitUntilReady.js';

/** `dbc.vms` with its context (auth, rental→machine and task→rental caches), built once per resource. */
export function vmsResource(ctx: ClientContext, options: VmsOptions = {}): VmsResource {
  const v = createVmsContext(ctx, options);
  return {
    create: (params) => createVm(v, params),
    waitUntilReady: (ref, opts) => waitUntilReady(v, ref, opts),
    list: (params) => listVms(v, params),
    get: (ref, opts) => getVm(v, ref, opts),
    start: (ref, opts) => runVmAction(v, ref, 'start', opts),
    stop: (ref, opts) => runVmAction(v, ref, 'stop', opts),
    restart: (ref, opts) => runVmAction(v, ref, 'restart', opts),
    reset: (ref, opts) => runVmAction(v, ref, 'reset', opts),
    delete: (ref, opts) => runVmAction(v, ref, 'delete', opts),
    logs: (ref, opts) => getVmLogs(v, ref, opts),
    setPassword: (ref, password, opts) => setVmPassword(v, ref, password, opts),
    connectionInfo: (ref, opts) => getVmConnectionInfo(v, ref, opts),
    suggestResources: suggestVmResources,
    images: { list: (machineId, opts) => listVmImages(v, machineId, opts) },
  };
}
