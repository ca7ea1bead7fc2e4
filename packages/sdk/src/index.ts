/**
 * @dbc-cloud/sdk — the DeepBrainChain GPU cloud SDK.
 *
 * @packageDocumentation
 */
export * from './node/index.js';
