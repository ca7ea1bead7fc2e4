// List DBC's super nodes (validators) with their estimated APY, then bond DBC and nominate the two
// best — against the local devnet by default, or any DBC network through DBC_CHAIN_URL / DBC_SECRET.
import { keyringSigner } from '@dbc-cloud/chain';
import { createDbcClient } from '@dbc-cloud/sdk';

const signer = await keyringSigner(process.env.DBC_SECRET ?? '//Alice');
const dbc = createDbcClient({
  network: {
    chain: process.env.DBC_CHAIN_URL ?? 'ws://127.0.0.1:9944',
    clientNode: process.env.DBC_CLIENT_NODE_URL ?? 'http://127.0.0.1:5002/api/v1',
  },
  signer,
});

const nodes = await dbc.superNodes.list();
const apy = (n: (typeof nodes)[number]) => (n.estimatedApyPercent === null ? 'n/a' : `${n.estimatedApyPercent.toFixed(2)} %`);
console.log(`${nodes.length} super nodes:`);
for (const n of nodes) {
  console.log(`  ${n.stash}  commission ${n.commissionPercent} %  stake ${n.totalStake.dbc} DBC  nominators ${n.nominatorCount}  APY ${apy(n)}${n.elected ? '' : '  (waiting)'}`);
}

// Best: elected, open to nominations, highest estimated APY (lowest commission when no era has paid yet).
const best = nodes
  .filter((n) => !n.blocked && n.elected && n.stash !== signer.address)
  .sort((a, b) => (b.estimatedApyPercent ?? 0) - (a.estimatedApyPercent ?? 0) || a.commissionPercent - b.commissionPercent)
  .slice(0, 2);
if (best.length === 0) throw new Error('No super node accepts nominations right now.');

const bonded = await dbc.superNodes.bond({ amountDbc: process.env.DBC_BOND_DBC ?? '1000', payee: 'staked' }).catch((e: { code?: string }) => {
  if (e.code !== 'INPUT_ALREADY_BONDED') throw e;
  return null;
});
console.log(bonded ? `Bonded ${bonded.bonded.dbc} DBC (rewards re-staked)` : 'Already bonded; nominating with the existing bond');
const r = await dbc.superNodes.nominate(best.map((n) => n.stash));
console.log(`Nominated ${r.targets.join(', ')} at block ${r.blockNumber}`);
console.log('Rewards follow each era (a day): see superNodes.pendingRewards and superNodes.payout.');
await dbc.close();
