import { css } from 'lit';

/** `<dbc-gpu-market>`'s layout; colours and sizes come only from the `--dbc-*` tokens. */
export const gpuMarketStyles = css`
  :host {
    display: block;
    background: var(--_bg);
    --dbc-machine-list-height: 68vh;
  }
  .market {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    color: var(--_text);
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    flex-wrap: wrap;
  }
  .header-slot {
    flex: 1;
    min-width: 0;
  }
  [part='tabs'] {
    display: flex;
    gap: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  [part='tab'] {
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_muted);
    padding: var(--_space) calc(var(--_space) * 1.5);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part='tab'][aria-selected='true'] {
    color: var(--_primary);
    border-bottom-color: var(--_primary);
  }
  .panels {
    display: grid;
    grid-template-columns: minmax(200px, 260px) minmax(0, 1fr) minmax(280px, 380px);
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  @media (max-width: 1100px) {
    .panels {
      grid-template-columns: minmax(200px, 260px) minmax(0, 1fr);
    }
    [part='detail'] {
      grid-column: 1 / -1;
    }
  }
  @media (max-width: 720px) {
    .panels {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part='summary'] {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  [part='detail'],
  [part='rentals'],
  [part='error'] {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .badge {
    padding: 2px var(--_space);
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    font-size: 0.85em;
  }
  .badge.stable {
    color: var(--_success);
    border-color: currentColor;
    font-weight: 600;
  }
  [part='specs'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }
  [part='specs'] > div {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    text-align: end;
    overflow-wrap: anywhere;
  }
  .order {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .order label {
    display: grid;
    gap: 2px;
    color: var(--_muted);
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    padding: calc(var(--_space) / 2) var(--_space);
    width: 6em;
  }
  select {
    width: auto;
  }
  [part='rent'],
  [part='retry'] {
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 650;
    cursor: pointer;
  }
  [part='rent']:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .placeholder,
  .hint {
    margin: 0;
    color: var(--_muted);
  }
  [part='error'] {
    color: var(--_danger);
  }
  [part='error'] p {
    margin: 0;
  }
`;
