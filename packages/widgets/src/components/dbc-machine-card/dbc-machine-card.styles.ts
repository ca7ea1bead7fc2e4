import { css } from 'lit';

export const machineCardStyles = css`
  :host {
    display: block;
  }
  [part='card'] {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    color: var(--_text);
    text-align: start;
    font: inherit;
    width: 100%;
    box-sizing: border-box;
  }
  [part='header'] {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space);
  }
  [part='title'] {
    margin: 0;
    font-size: 1.15em;
    font-weight: 650;
  }
  [part='price'] {
    font-weight: 650;
    color: var(--_primary);
    white-space: nowrap;
  }
  .unit {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.85em;
  }
  [part='specs'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_muted);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='badges'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .badge {
    border-radius: 999px;
    padding: 2px calc(var(--_space));
    font-size: 0.8em;
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  .badge.stable {
    border-color: var(--_success);
    color: var(--_success);
  }
  .status-available {
    color: var(--_success);
  }
  .status-rented,
  .status-verifying {
    color: var(--_warning);
  }
  .status-offline {
    color: var(--_danger);
  }
  [part='action'] {
    justify-self: start;
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    cursor: pointer;
  }
`;
