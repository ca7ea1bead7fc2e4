import type { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPolkadotChainView } from './polkadotChainView.js';

// Storage values are decoded by real polkadot-js codecs from a registry that declares the
// DBC structs with the field names polkadot-js gives them (camelCase). Only the transport
// (the `api.query` / `api.rpc` functions) is stubbed, since no DBC chain runs here.
// Enum payloads that the view never reads are simplified to u32.
const DBC_TYPES = {
  MachineStatus: {
    _enum: {
      AddingCustomizeInfo: 'Null',
      DistributingOrder: 'Null',
      CommitteeVerifying: 'Null',
      CommitteeRefused: 'u32',
      WaitingFulfill: 'Null',
      Online: 'Null',
      StakerReportOffline: 'u32',
      ReporterReportOffline: 'u32',
      Creating: 'Null',
      Rented: 'Null',
      Exit: 'Null',
    },
  },
  CommitteeUploadInfo: {
    machineId: 'Bytes',
    gpuType: 'Bytes',
    gpuNum: 'u32',
    cudaCore: 'u32',
    gpuMem: 'u64',
    calcPoint: 'u64',
    sysDisk: 'u64',
    dataDisk: 'u64',
    cpuType: 'Bytes',
    cpuCoreNum: 'u32',
    cpuRate: 'u64',
    memNum: 'u64',
    randStr: 'Bytes',
    isSupport: 'bool',
  },
  MachineInfoDetail: { committeeUploadInfo: 'CommitteeUploadInfo' },
  MachineInfo: {
    controller: 'AccountId32',
    machineStash: 'AccountId32',
    machineStatus: 'MachineStatus',
    machineInfoDetail: 'MachineInfoDetail',
  },
  RentStatus: { _enum: ['WaitingVerifying', 'Renting', 'RentExpired'] },
  RentOrderDetail: {
    machineId: 'Bytes',
    renter: 'AccountId32',
    rentStart: 'u32',
    confirmRent: 'u32',
    rentEnd: 'u32',
    stakeAmount: 'u128',
    rentStatus: 'RentStatus',
    gpuNum: 'u32',
    gpuIndex: 'Vec<u32>',
  },
  MachineGPUOrder: { rentOrder: 'Vec<u64>', usedGpu: 'Vec<u32>' },
};

const MACHINE = '7a3b'.repeat(16);

let renter: string;

beforeAll(async () => {
  await cryptoWaitReady();
  // A non-42 keyring proves the view re-encodes the renter with DBC's prefix.
  renter = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri('//Alice').address;
});

function fakeApi(status: string) {
  const registry = new TypeRegistry();
  registry.register(DBC_TYPES);
  const headListeners: ((header: unknown) => void)[] = [];
  let unsubscribed = false;

  const machineInfo = {
    machineStatus: status,
    machineInfoDetail: {
      committeeUploadInfo: { machineId: MACHINE, gpuNum: 4, cpuCoreNum: 48, memNum: 256, dataDisk: 3600 },
    },
  };
  const machinesInfo = Object.assign(
    async (id: string) => registry.createType('Option<MachineInfo>', id === MACHINE ? machineInfo : null),
    { keys: async () => [{ args: [registry.createType('Bytes', MACHINE)] }] },
  );
  const api = {
    query: {
      onlineProfile: { machinesInfo },
      rentMachine: {
        rentInfo: async (id: bigint) =>
          registry.createType(
            'Option<RentOrderDetail>',
            id === 7n
              ? {
                  machineId: MACHINE,
                  renter,
                  rentStart: 100,
                  confirmRent: 120,
                  rentEnd: 3100,
                  rentStatus: 'Renting',
                  gpuNum: 2,
                  gpuIndex: [2, 3],
                }
              : null,
          ),
        machineRentOrder: async () =>
          registry.createType('MachineGPUOrder', { rentOrder: [7], usedGpu: [2, 3] }),
      },
    },
    rpc: {
      chain: {
        getHeader: async () => registry.createType('Header', { number: 4242 }),
        subscribeNewHeads: async (listener: (header: unknown) => void) => {
          headListeners.push(listener);
          return () => {
            unsubscribed = true;
          };
        },
      },
    },
  };
  const emitHead = (number: number) => {
    for (const listener of headListeners) listener(registry.createType('Header', { number }));
  };
  return { api: api as unknown as ApiPromise, emitHead, isUnsubscribed: () => unsubscribed };
}

describe('createPolkadotChainView', () => {
  it('reads a machine as the client node classifies it, with its verified hardware', async () => {
    const view = createPolkadotChainView(fakeApi('Rented').api);
    expect(await view.getMachine(MACHINE)).toEqual({
      status: 'rented',
      gpuNum: 4,
      cpuCores: 48,
      memGb: 256,
      diskGb: 3600,
    });
  });

  it.each([
    ['Online', 'online'],
    ['WaitingFulfill', 'online'],
    ['CommitteeVerifying', 'verifying'],
    ['StakerReportOffline', 'offline'],
    ['Exit', 'other'],
  ])('maps machine status %s to %s', async (chainStatus, expected) => {
    const view = createPolkadotChainView(fakeApi(chainStatus).api);
    expect((await view.getMachine(MACHINE))?.status).toBe(expected);
  });

  it('returns null for a machine that is not registered', async () => {
    const view = createPolkadotChainView(fakeApi('Online').api);
    expect(await view.getMachine('0'.repeat(64))).toBeNull();
  });

  it('decodes a rent order with the machine id as text and the renter in SS58 format 42', async () => {
    const view = createPolkadotChainView(fakeApi('Rented').api);
    const order = await view.getRentOrder(7n);
    expect(order).toEqual({
      rentId: 7n,
      machineId: MACHINE,
      renter: new Keyring({ ss58Format: 42 }).encodeAddress(new Keyring().decodeAddress(renter)),
      rentStatus: 'Renting',
      rentEnd: 3100,
      gpuNum: 2,
      gpuIndex: [2, 3],
    });
    expect(await view.getRentOrder(8)).toBeNull();
  });

  it("lists a machine's live orders, the best block and the registered machines", async () => {
    const view = createPolkadotChainView(fakeApi('Rented').api);
    expect(await view.getMachineRentOrders(MACHINE)).toEqual([7n]);
    expect(await view.bestNumber()).toBe(4242);
    expect(await view.listMachines?.()).toEqual([MACHINE]);
  });

  it('reports new blocks until unsubscribed', async () => {
    const fake = fakeApi('Rented');
    const view = createPolkadotChainView(fake.api);
    const seen: number[] = [];
    const unsubscribe = view.onNewBlock((n) => seen.push(n));
    await Promise.resolve();
    fake.emitHead(10);
    unsubscribe();
    fake.emitHead(11);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([10]);
    expect(fake.isUnsubscribed()).toBe(true);
  });
});
