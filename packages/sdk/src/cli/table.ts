/** A table column: its header and which side values line up on. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

const width = (s: string) => [...s].length;
const pad = (s: string, w: number, align: 'left' | 'right') =>
  align === 'right' ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s));

/**
 * Renders rows as aligned columns separated by two spaces, header first; trailing spaces trimmed
 * so output diffs cleanly.
 *
 * @example renderTable([{ header: 'ID' }, { header: 'GPUS', align: 'right' }], [['42', '2']])
 */
export function renderTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i]!, c.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}

/** Renders label/value pairs as two aligned columns without a header (for one object). */
export function renderPairs(pairs: Array<[string, string]>): string {
  const w = Math.max(...pairs.map(([k]) => width(k)));
  return pairs.map(([k, v]) => `${pad(k, w, 'left')}  ${v}`.trimEnd()).join('\n') + '\n';
}
