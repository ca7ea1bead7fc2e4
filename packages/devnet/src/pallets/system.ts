import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, isHex, stringToU8a } from '@polkadot/util';
import type { PalletLogic } from '../chain/runtime.js';

/** frame_system calls a signed user can make. */
export const systemLogic: PalletLogic = {
  name: 'System',
  calls: {
    remark: (ctx) => {
      void ctx.who;
    },
    remark_with_event: (ctx, { remark }) => {
      const bytes = typeof remark === 'string' && isHex(remark) ? hexToU8a(remark) : stringToU8a(String(remark));
      ctx.rt.deposit('System', 'Remarked', [ctx.who, blake2AsHex(bytes, 256)]);
    },
  },
};
