/** Fired when the user picks a machine (card click or Enter). Bubbles and crosses shadow roots. */
export class DbcMachineSelectEvent extends CustomEvent<{ machineId: string }> {
  constructor(machineId: string) {
    super('dbc-machine-select', { detail: { machineId }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-machine-select': DbcMachineSelectEvent;
  }
}
