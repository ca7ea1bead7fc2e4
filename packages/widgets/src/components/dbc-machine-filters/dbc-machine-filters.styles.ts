import { css } from 'lit';

export const machineFiltersStyles = css`
  :host {
    display: block;
  }
  [part='form'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    align-content: start;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  legend {
    margin-bottom: calc(var(--_space) / 2);
  }
  input[type='search'],
  input[type='number'],
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    padding: calc(var(--_space) * 0.75) var(--_space);
    min-width: 0;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    font-weight: 400;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .toggles {
    align-content: center;
  }
  input[type='checkbox'] {
    accent-color: var(--_primary);
    margin: 0;
  }
  .count,
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .actions {
    display: flex;
    align-items: end;
    justify-content: end;
    grid-column: -2 / -1;
  }
  [part='reset'] {
    font: inherit;
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_primary);
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    cursor: pointer;
  }
`;
