import type { ApiPromise } from '@polkadot/api';
import { encodeAddress } from '@polkadot/util-crypto';
import type {
  ChainMachine,
  ChainMachineStatus,
  ChainRentOrder,
  ChainRentStatus,
  ChainView,
} from './chainView.js';

// The API is not augmented with DBC's pallets, so storage results arrive as untyped
// codecs. These shapes name only the getters this file reads.
interface NumberCodec {
  toNumber(): number;
}
interface BigIntCodec {
  toBigInt(): bigint;
}
interface OptionCodec<T> {
  isSome: boolean;
  unwrap(): T;
}
interface MachineInfoCodec {
  machineStatus: { type: string };
  machineInfoDetail: {
    committeeUploadInfo: {
      gpuNum: NumberCodec;
      cpuCoreNum: NumberCodec;
      memNum: NumberCodec;
      dataDisk: NumberCodec;
    };
  };
}
interface RentOrderDetailCodec {
  machineId: { toUtf8(): string };
  renter: { toU8a(): Uint8Array };
  rentEnd: NumberCodec;
  rentStatus: { type: string };
  gpuNum: NumberCodec;
  gpuIndex: NumberCodec[];
}
interface MachineRentOrderCodec {
  rentOrder: BigIntCodec[];
}
interface StorageKeyCodec {
  args: { toUtf8(): string }[];
}

/** DBC addresses use the generic Substrate prefix; the chain spec sets no ss58Format. */
const DBC_SS58_PREFIX = 42;

// Mirrors HttpDBCChainClient::request_machine_status: WaitingFulfill counts as online and
// the deprecated Creating as rented; report-offline states are unknown to the node.
const MACHINE_STATUS: Record<string, ChainMachineStatus> = {
  AddingCustomizeInfo: 'verifying',
  DistributingOrder: 'verifying',
  CommitteeVerifying: 'verifying',
  CommitteeRefused: 'verifying',
  WaitingFulfill: 'online',
  Online: 'online',
  StakerReportOffline: 'offline',
  ReporterReportOffline: 'offline',
  Creating: 'rented',
  Rented: 'rented',
};

const RENT_STATUS: Record<string, ChainRentStatus> = {
  WaitingVerifying: 'WaitingVerifying',
  Renting: 'Renting',
  RentExpired: 'RentExpired',
};

function unwrapOptional<T>(value: unknown): T | null {
  const maybeOption = value as Partial<OptionCodec<T>> & { isEmpty?: boolean };
  if (typeof maybeOption.unwrap === 'function' && typeof maybeOption.isSome === 'boolean') {
    return maybeOption.isSome ? maybeOption.unwrap() : null;
  }
  // A storage item declared ValueQuery decodes to a zeroed default instead of None.
  return maybeOption.isEmpty ? null : (value as T);
}

function storageSection(
  api: ApiPromise,
  pallet: string,
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const section = (api.query as unknown as Record<string, unknown>)[pallet];
  if (!section) {
    throw new Error(`The connected chain has no ${pallet} pallet; is it a DBC node?`);
  }
  return section as Record<string, (...args: unknown[]) => Promise<unknown>>;
}

/**
 * Reads DBC storage through `@polkadot/api` for the client node.
 *
 * @example
 * const api = await ApiPromise.create({ provider: new WsProvider(url) });
 * const node = await startClientNode({ chain: createPolkadotChainView(api) });
 */
export function createPolkadotChainView(api: ApiPromise): ChainView {
  const onlineProfile = () => storageSection(api, 'onlineProfile');
  const rentMachine = () => storageSection(api, 'rentMachine');

  return {
    async getMachine(machineId: string): Promise<ChainMachine | null> {
      const info = unwrapOptional<MachineInfoCodec>(await onlineProfile().machinesInfo(machineId));
      if (!info) return null;
      const hardware = info.machineInfoDetail.committeeUploadInfo;
      return {
        status: MACHINE_STATUS[info.machineStatus.type] ?? 'other',
        gpuNum: hardware.gpuNum.toNumber(),
        cpuCores: hardware.cpuCoreNum.toNumber(),
        memGb: hardware.memNum.toNumber(),
        diskGb: hardware.dataDisk.toNumber(),
      };
    },

    async getRentOrder(rentId: bigint | number): Promise<ChainRentOrder | null> {
      const order = unwrapOptional<RentOrderDetailCodec>(await rentMachine().rentInfo(rentId));
      if (!order) return null;
      const rentStatus = RENT_STATUS[order.rentStatus.type];
      if (!rentStatus) return null;
      return {
        rentId: BigInt(rentId),
        machineId: order.machineId.toUtf8(),
        renter: encodeAddress(order.renter.toU8a(), DBC_SS58_PREFIX),
        rentStatus,
        rentEnd: order.rentEnd.toNumber(),
        gpuNum: order.gpuNum.toNumber(),
        gpuIndex: [...order.gpuIndex].map((index) => index.toNumber()),
      };
    },

    async getMachineRentOrders(machineId: string): Promise<bigint[]> {
      const entry = (await rentMachine().machineRentOrder(machineId)) as MachineRentOrderCodec;
      return [...entry.rentOrder].map((id) => id.toBigInt());
    },

    async bestNumber(): Promise<number> {
      const header = await api.rpc.chain.getHeader();
      return header.number.toNumber();
    },

    onNewBlock(cb: (blockNumber: number) => void): () => void {
      let unsubscribed = false;
      const pending = api.rpc.chain.subscribeNewHeads((header) => {
        if (!unsubscribed) cb(header.number.toNumber());
      });
      return () => {
        unsubscribed = true;
        void pending.then((unsubscribe) => unsubscribe()).catch(() => undefined);
      };
    },

    async listMachines(): Promise<string[]> {
      const machinesInfo = onlineProfile().machinesInfo as unknown as { keys(): Promise<StorageKeyCodec[]> };
      const keys = await machinesInfo.keys();
      return keys.map((key) => key.args[0].toUtf8());
    },
  };
}
