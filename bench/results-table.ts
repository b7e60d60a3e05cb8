import type { Figure, Target } from './bench-context';

const DECIMALS: Record<string, number> = { 'ev/s': 0, 'req/s': 0, ms: 2, '×': 2, MB: 0, 'µs/ev': 1 };

function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: DECIMALS[unit] ?? 2,
    maximumFractionDigits: DECIMALS[unit] ?? 2,
  });
}

function target(t: Target | undefined, unit: string): string {
  if (!t) return '';
  return `${t.op === '>=' ? '≥' : '≤'} ${format(t.value, unit)}${t.atSize ? ` @${t.atSize / 1e6}M` : ''}`;
}

/** The figures as a Markdown table (readable in a terminal, pasteable into bench/README.md). */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    format(f.value, f.unit),
    f.unit,
    target(f.target, f.unit),
    f.verdict === 'n/a' && !f.target ? '' : (f.verdict ?? ''),
    f.note ?? '',
  ]);
  const header = ['group', 'figure', 'value', 'unit', 'target', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
