import { dbcText, shortId } from '../format.js';
import { defineCommand } from '../spec.js';
import { renderTable } from '../table.js';

/** `dbc validators`: super nodes to nominate, with commission, stake and estimated APY. */
export const validators = defineCommand({
  name: 'validators',
  summary: 'List super nodes (validators) with commission, stake, nominators and estimated APY',
  async run(ctx) {
    const nodes = await ctx.client.superNodes.list({ signal: ctx.signal });
    ctx.print(nodes, () =>
      nodes.length === 0
        ? 'No super nodes.\n'
        : renderTable(
            [
              { header: 'STASH' },
              { header: 'COMMISSION', align: 'right' },
              { header: 'STAKE', align: 'right' },
              { header: 'OWN', align: 'right' },
              { header: 'NOMINATORS', align: 'right' },
              { header: 'ELECTED' },
              { header: 'APY', align: 'right' },
            ],
            nodes.map((n) => [
              shortId(n.stash, 10),
              `${n.commissionPercent}%`,
              dbcText(n.totalStake.planck),
              dbcText(n.ownStake.planck),
              String(n.nominatorCount),
              n.elected ? 'yes' : n.blocked ? 'blocked' : 'no',
              n.estimatedApyPercent === null ? '—' : `${n.estimatedApyPercent.toFixed(2)}%`,
            ]),
          ),
    );
  },
});
