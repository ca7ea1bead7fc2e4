/** Text renderings shared by several commands. */
import type { Machine } from '../machines/types.js';
import type { Rental } from '../rentals/types.js';
import { blocksText, dateText, dbcText, shortId } from './format.js';
import { renderPairs } from './table.js';

/** Where a machine is, as short as a table cell allows. */
export function placeText(m: Machine): string {
  return m.location.city
    ? `${m.location.city}, ${m.location.country}`
    : `${m.location.region} (${m.location.country})`;
}

/** One rental as label/value lines (rent, extend and rentals share it). */
export function rentalText(r: Rental): string {
  return renderPairs([
    ['Rental', `${r.id} (${r.market})`],
    ['Machine', `${shortId(r.machineId)}  ${r.gpus} GPU${r.gpus === 1 ? '' : 's'}`],
    ['Status', r.status],
    ['Ends', `${dateText(r.endsAt)} (in ${blocksText(r.remainingBlocks)}, block ${r.endBlock})`],
    ...(r.reservedPlanck > 0n ? ([['Reserved', dbcText(r.reservedPlanck)]] as Array<[string, string]>) : []),
  ]);
}
