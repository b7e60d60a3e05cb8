/** A page of a list plus the cursor of the next page, absent on the last one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Opaque cursor over a `(sortKey, id)` keyset. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/** Inverse of `encodeCursor`; `undefined` for anything that is not one. */
export function decodeCursor(cursor: string): { sortKey: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through: not a cursor we issued
  }
  return undefined;
}

/** Takes `limit` rows of `limit + 1` fetched and derives the next cursor from the last kept row. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  key: (row: Row) => [string, string],
  map: (row: Row) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(...key(last)) : undefined,
  };
}
