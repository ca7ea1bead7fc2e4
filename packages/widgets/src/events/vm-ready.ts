import type { Vm } from '@dbc-cloud/sdk';

/**
 * How to reach a VM, without its passwords: events travel through every listener on the page
 * (analytics included), so secrets stay in the dialog that shows them to the renter.
 */
export interface VmReadyConnection {
  ssh?: { command: string; host: string; port: number; user: string };
  jupyterUrl?: string;
}

/** What `<dbc-rent-dialog>` reports when the VM runs. */
export interface VmReadyDetail {
  rentalId: string;
  vm: Vm;
  connection: VmReadyConnection;
}

/** Fired by `<dbc-rent-dialog>` when the rented machine's VM is running. Bubbles and crosses shadow roots. */
export class DbcVmReadyEvent extends CustomEvent<VmReadyDetail> {
  constructor(detail: VmReadyDetail) {
    super('dbc-vm-ready', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-vm-ready': DbcVmReadyEvent;
  }
}
