import { css } from 'lit';

export const machineListStyles = css`
  :host {
    display: block;
  }
  [part='list'] {
    /* The virtualizer scrolls inside this box, so it needs a definite height. */
    height: var(--dbc-machine-list-height, 70vh);
    box-sizing: border-box;
    outline: none;
  }
  [role='listitem'] {
    /* Padding rather than margin: the flow layout measures the item's border box. */
    padding-block-end: var(--_space);
    width: 100%;
  }
  .skeletons {
    display: grid;
    gap: var(--_space);
  }
  .skeleton {
    height: 132px;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface) 25%, var(--_border) 50%, var(--_surface) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  [part='empty'],
  [part='error'] {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
    text-align: center;
    color: var(--_muted);
    background: var(--_surface);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  [part='error'] {
    color: var(--_text);
    border-style: solid;
    border-color: var(--_danger);
  }
  [part='error'] p {
    margin: 0;
  }
  .detail {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  [part='retry'] {
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    cursor: pointer;
  }
`;
