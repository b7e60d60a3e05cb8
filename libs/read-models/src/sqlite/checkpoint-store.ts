import type Database from 'better-sqlite3';
import type { Position } from '@tracker/event-store/event-store.port';
import { formatPosition, parsePosition } from '@tracker/event-store/position';

/** A projection's stored progress. */
export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  readonly position: Position | undefined;
  readonly updatedAt: string;
}

interface CheckpointRow {
  name: string;
  version: number;
  position: string | null;
  updated_at: string;
}

/** Projection checkpoints, in the same database (and transactions) as the read-model rows. */
export class CheckpointStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT, updated_at TEXT NOT NULL)`);
  }

  /** The stored checkpoint, if the projection ever ran. */
  get(name: string): Checkpoint | undefined {
    const row = this.db
      .prepare<[string], CheckpointRow>('SELECT * FROM projection_checkpoints WHERE name = ?')
      .get(name);
    return (
      row && {
        name: row.name,
        version: row.version,
        position: row.position === null ? undefined : parsePosition(row.position),
        updatedAt: row.updated_at,
      }
    );
  }

  /** Records progress; call inside the transaction that wrote the rows. */
  set(name: string, version: number, position: Position | undefined): void {
    this.db
      .prepare(
        `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
      )
      .run(name, version, position ? formatPosition(position) : null, new Date().toISOString());
  }

  /** Every stored checkpoint. */
  all(): Checkpoint[] {
    return this.db
      .prepare<[], { name: string }>('SELECT name FROM projection_checkpoints ORDER BY name')
      .all()
      .map((row) => this.get(row.name)!);
  }
}
