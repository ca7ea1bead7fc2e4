import { css } from 'lit';

/**
 * The design tokens a partner sets to brand the storefront (Stripe's appearance API is the model).
 * Every component reads only these custom properties, so
 * `dbc-gpu-market { --dbc-color-primary: #e4572e; --dbc-radius: 2px; }` re-themes all of it.
 *
 * | token | default (light) | meaning |
 * |---|---|---|
 * | `--dbc-color-primary` | `#2563eb` (dark: `#7aa7ff`) | buttons, links, selection |
 * | `--dbc-color-on-primary` | `#fff` (dark: `#0b1220`) | text on primary |
 * | `--dbc-color-bg` | `#fff` | component background |
 * | `--dbc-color-surface` | `#f5f7fb` | cards, panels |
 * | `--dbc-color-text` | `#1a1f2e` | body text |
 * | `--dbc-color-muted` | `#5d6680` | secondary text |
 * | `--dbc-color-border` | `#dde2ec` | borders |
 * | `--dbc-color-success` / `--dbc-color-warning` / `--dbc-color-danger` | | states |
 * | `--dbc-font-family` | system UI stack | all text |
 * | `--dbc-font-size` | `14px` | base size |
 * | `--dbc-radius` | `10px` | corner radius |
 * | `--dbc-space` | `8px` | spacing unit (density) |
 * | `--dbc-shadow` | soft | card elevation |
 */
export const tokens = css`
  :host {
    --_primary: var(--dbc-color-primary, #2563eb);
    --_on-primary: var(--dbc-color-on-primary, #fff);
    --_bg: var(--dbc-color-bg, #fff);
    --_surface: var(--dbc-color-surface, #f5f7fb);
    --_text: var(--dbc-color-text, #1a1f2e);
    --_muted: var(--dbc-color-muted, #5d6680);
    --_border: var(--dbc-color-border, #dde2ec);
    --_success: var(--dbc-color-success, #15803d);
    --_warning: var(--dbc-color-warning, #b45309);
    --_danger: var(--dbc-color-danger, #c53030);
    --_font: var(
      --dbc-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif
    );
    --_size: var(--dbc-font-size, 14px);
    --_radius: var(--dbc-radius, 10px);
    --_space: var(--dbc-space, 8px);
    --_shadow: var(--dbc-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 10%));
    font-family: var(--_font);
    font-size: var(--_size);
    color: var(--_text);
  }
  :host([theme='dark']) {
    /* Lighter accents on dark surfaces: every default pair keeps WCAG AA contrast (4.5:1 for text). */
    --_primary: var(--dbc-color-primary, #7aa7ff);
    --_on-primary: var(--dbc-color-on-primary, #0b1220);
    --_success: var(--dbc-color-success, #4ade80);
    --_warning: var(--dbc-color-warning, #fbbf24);
    --_danger: var(--dbc-color-danger, #f87171);
    --_bg: var(--dbc-color-bg, #11151f);
    --_surface: var(--dbc-color-surface, #1a2030);
    --_text: var(--dbc-color-text, #e8ecf5);
    --_muted: var(--dbc-color-muted, #9aa3b8);
    --_border: var(--dbc-color-border, #2b3347);
    --_shadow: var(--dbc-shadow, 0 1px 3px rgb(0 0 0 / 40%));
  }
  :host([hidden]) {
    display: none !important;
  }
  /* One keyboard focus ring for every control of every component. */
  :focus-visible {
    outline: 3px solid color-mix(in srgb, var(--_primary) 40%, transparent);
    outline-offset: 2px;
  }
  /* Text for screen readers only (live regions, labels); shared by every component. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
