import { parse } from 'csv-parse/sync';
import { type RowRef, rowRef } from './import-result';

/** One data row of a CSV file keyed by header, with the line it starts on. */
export interface CsvRecord extends RowRef {
  readonly values: Readonly<Record<string, string>>;
  /** Set when the row's field count differs from the header's; the row is then unusable. */
  readonly problem?: string;
}

/**
 * Parses CSV with a header row (csv-parse: quoting, embedded newlines, BOM). Rows are numbered by
 * the file line on which they start, so a reported line is the one an editor shows. A malformed
 * file (an unclosed quote swallows the rest) throws: nothing after it could be trusted.
 */
export function readCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const parsed = parse(text, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as { record: string[]; info: { lines: number; raw?: string } }[];
  const [first, ...rest] = parsed;
  if (!first) return { header: [], records: [] };
  const header = first.record.map((name) => name.trim());
  const records = rest.map(({ record, info }): CsvRecord => {
    const ref = rowRef('line', startLine(info.lines, info.raw ?? ''));
    const values = Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']));
    const problem =
      record.length === header.length ? undefined : `has ${record.length} fields, the header has ${header.length}`;
    return { ...ref, values, problem };
  });
  return { header, records };
}

/** `lines` counts up to the record's last line; newlines inside its quoted fields move the start back. */
function startLine(lines: number, raw: string): number {
  const body = raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  return lines - (body.match(/\n/g)?.length ?? 0);
}
