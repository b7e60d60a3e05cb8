import type { EventStorePort, Position } from './event-store.port';

/** The position before every event. */
export const START: Position = { commit: 0n, prepare: 0n };

/** Orders positions: negative, zero or positive like `Array.sort` comparators. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The position of the last event in `$all`, or `undefined` while the log is empty (one backwards read of one event). */
export async function headOf(store: Pick<EventStorePort, 'readAll'>): Promise<Position | undefined> {
  for await (const last of store.readAll({ direction: 'backwards', maxCount: 1 })) return last.position;
  return undefined;
}

/** Compact, round-trippable text form: `"42"` when commit equals prepare, else `"42/41"`. */
export function formatPosition(p: Position): string {
  return p.commit === p.prepare ? `${p.commit}` : `${p.commit}/${p.prepare}`;
}

/** Inverse of `formatPosition`; throws on anything else. */
export function parsePosition(text: string): Position {
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a position: ${JSON.stringify(text)}`);
  const commit = BigInt(match[1]);
  return { commit, prepare: match[2] === undefined ? commit : BigInt(match[2]) };
}
