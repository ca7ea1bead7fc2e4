import { DbcNodeError } from '@dbc-cloud/chain/errors';

/** Client-node reply envelope: every reply has this shape, success or not. */
export interface NodeEnvelope<T = unknown> {
  errcode: number;
  message: T;
}

const RULES: Array<[number, RegExp, string, string]> = [
  [-3, /wallet not rented/, 'NODE_NOT_RENTER', 'The client node says this wallet is not the renter of the machine.'],
  [-3, /machine is not be rented/, 'NODE_MACHINE_NOT_RENTED', 'The machine is not rented on chain, so its node accepts no VM calls.'],
  [-3, /already expired/, 'NODE_RENT_EXPIRED', 'The rental has ended; the node no longer accepts calls for it.'],
  [-3, /nonce check failed|session_id is invalid|sign/, 'NODE_AUTH_FAILED', 'The client node refused the signature or session.'],
  [-3, /task_id not exist/, 'NODE_TASK_NOT_FOUND', 'The client node has no VM task with that id.'],
  [-3, /.*/, 'NODE_AUTH_FAILED', 'The client node refused the request (check authority failed).'],
  [1, /task not exist/, 'NODE_TASK_NOT_FOUND', 'The client node has no VM task with that id.'],
  [1, /port conflict|port .*(used|occupied)/i, 'NODE_PORT_CONFLICT', 'A port asked for is already used by another VM on this machine.'],
  [1, /already existed/, 'NODE_TASK_EXISTS', 'A VM task with that id already exists on this machine.'],
  [1, /gpu_count/, 'NODE_GPU_COUNT', 'The GPU count does not match the rented GPUs.'],
  [1, /allocate/, 'NODE_RESOURCES', 'The machine could not allocate the CPU, memory or GPUs asked for.'],
  [1, /close task first|shutdown|not running|must be/i, 'NODE_TASK_STATE', 'The VM is not in a state that allows this.'],
  [1, /.*/, 'NODE_TASK_ERROR', 'The client node could not do this with the VM.'],
  [-1, /.*/, 'NODE_TIMEOUT', 'The GPU machine did not answer its client node in time; the action may still have run.'],
  [-25, /.*/, 'NODE_BAD_REQUEST', 'The client node could not read the request.'],
  [-32701, /.*/, 'NODE_UNREACHABLE', 'The client node cannot reach the GPU machine (offline or busy).'],
  [-32601, /.*/, 'NODE_NOT_SUPPORTED', 'The client node does not support this call.'],
];

/** Turns a non-zero `errcode` (HTTP 200 or not) into a typed DbcNodeError with a stable code. */
export function nodeErrorOf(env: NodeEnvelope, ctx: { path: string; machineId?: string; httpStatus?: number }): DbcNodeError {
  const text = typeof env.message === 'string' ? env.message : JSON.stringify(env.message);
  const rule = RULES.find(([code, re]) => code === env.errcode && re.test(text));
  const [, , code, short] = rule ?? [env.errcode, /.*/, 'NODE_ERROR', 'The client node returned an error.'];
  return new DbcNodeError(code, `${short} (errcode ${env.errcode}: ${text})`, {
    errcode: env.errcode,
    httpStatus: ctx.httpStatus,
    details: { path: ctx.path, machineId: ctx.machineId, errcode: env.errcode, message: text },
  });
}
