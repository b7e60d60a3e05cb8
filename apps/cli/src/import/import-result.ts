/** A row (or an operation planned from the file) that was not applied, and why. */
export interface RejectedRow {
  /** Where in the file, as printed: `line 7`, `record 3`, or the source id of a listing absent from the file. */
  readonly at: string;
  /** Sort key: the line or record number; rows without one sort last. */
  readonly order: number;
  readonly reason: string;
}

/** What one import did, as the summary line reports it. */
export interface ImportTally {
  added: number;
  amended: number;
  removed: number;
  unchanged: number;
  rejected: RejectedRow[];
  /** Rows for lists, datasets or schemas the tracker does not keep. */
  skipped: number;
}

/** A tally with nothing counted yet. */
export const emptyTally = (): ImportTally => ({
  added: 0,
  amended: 0,
  removed: 0,
  unchanged: 0,
  rejected: [],
  skipped: 0,
});

/** The summary line, then each rejected row as `<where>: <reason>` in file order. */
export function formatSummary(kind: string, tally: ImportTally): string {
  const { added, amended, removed, unchanged, rejected, skipped } = tally;
  const head = `${kind}: added ${added}, amended ${amended}, removed ${removed}, unchanged ${unchanged}, rejected ${rejected.length}, skipped ${skipped}`;
  const rows = [...rejected].sort((a, b) => a.order - b.order).map((row) => `${row.at}: ${row.reason}`);
  return [head, ...rows].join('\n') + '\n';
}

/** Where a row sits: `line N` for line-oriented files (CSV, JSON lines), `record N` for a JSON array. */
export interface RowRef {
  readonly at: string;
  readonly order: number;
}

/** `line 7` / `record 3`. */
export const rowRef = (unit: 'line' | 'record', n: number): RowRef => ({ at: `${unit} ${n}`, order: n });
