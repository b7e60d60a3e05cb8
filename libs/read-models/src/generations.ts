import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { Position } from '@tracker/event-store/event-store.port';
import { formatPosition, parsePosition } from '@tracker/event-store/position';
import { type Projection, type Tables, tablesOf } from './projection';
import type { SqlSession } from './store/read-model-store';

/** Lifecycle of one generation of a projection's tables. */
export type GenerationStatus = 'building' | 'active' | 'retired';

/** One generation: its own tables, version and checkpoint. */
export interface Generation {
  readonly name: string;
  readonly generation: number;
  readonly version: number;
  readonly status: GenerationStatus;
  readonly position: Position | undefined;
  readonly startedAt: string;
  readonly updatedAt: string;
}

interface Row {
  name: string;
  generation: number;
  version: number;
  status: GenerationStatus;
  position: string | null;
  started_at: string;
  updated_at: string;
}

const toGeneration = (row: Row): Generation => ({
  name: row.name,
  generation: Number(row.generation),
  version: Number(row.version),
  status: row.status,
  position: row.position === null ? undefined : parsePosition(row.position),
  startedAt: row.started_at,
  updatedAt: row.updated_at,
});

/**
 * The registry of projection generations. At most one generation per projection is
 * `active` (queries read it); a `building` one is filled from position 0 beside it and
 * made active in one transaction once it has caught up, so dashboards never see an empty
 * or half-built model. Checkpoints live here, in the same store as the rows.
 */
export const Generations = {
  schema: `CREATE TABLE IF NOT EXISTS projection_generations (
    name TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
    position TEXT, started_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (name, generation))`,

  /** Every generation of `name`, oldest first (all projections when `name` is absent). */
  async list(db: SqlSession, name?: string): Promise<Generation[]> {
    const rows = await db.all<Row>(
      `SELECT * FROM projection_generations WHERE CAST(@name AS TEXT) IS NULL OR name = @name ORDER BY name, generation`,
      { name: name ?? null },
    );
    return rows.map(toGeneration);
  },

  /** One generation, read inside the caller's transaction. */
  async get(db: SqlSession, name: string, generation: number): Promise<Generation | undefined> {
    const row = await db.get<Row>(
      'SELECT * FROM projection_generations WHERE name = @name AND generation = @generation',
      {
        name,
        generation,
      },
    );
    return row && toGeneration(row);
  },

  /**
   * Reads a generation for update: the no-op UPDATE takes PostgreSQL's row lock (SQLite's
   * write transaction is exclusive already), so two writers can never both pass the
   * checkpoint check for the same batch.
   */
  async lock(db: SqlSession, name: string, generation: number): Promise<Generation | undefined> {
    await db.run(
      'UPDATE projection_generations SET version = version WHERE name = @name AND generation = @generation',
      {
        name,
        generation,
      },
    );
    return this.get(db, name, generation);
  },

  /** Registers a new generation and creates its tables. */
  async create(
    db: SqlSession,
    projection: Projection<DomainEvent>,
    status: 'building' | 'active',
  ): Promise<Generation> {
    const latest = await db.get<{ generation: number | null }>(
      'SELECT max(generation) AS generation FROM projection_generations WHERE name = @name',
      { name: projection.name },
    );
    const generation = Number(latest?.generation ?? 0) + 1;
    const now = new Date().toISOString();
    await db.exec(projection.schema(tablesOf(projection, generation)));
    await db.run(
      `INSERT INTO projection_generations (name, generation, version, status, position, started_at, updated_at)
       VALUES (@name, @generation, @version, @status, NULL, @now, @now)`,
      { name: projection.name, generation, version: projection.version, status, now },
    );
    return (await this.get(db, projection.name, generation))!;
  },

  /** Creates a generation's query-only indexes (`Projection.indexes`) that do not exist yet, awaiting `between` after each. */
  async index(
    db: SqlSession,
    projection: Projection<DomainEvent>,
    generation: number,
    between?: () => Promise<unknown>,
  ): Promise<void> {
    for (const ddl of projection.indexes?.(tablesOf(projection, generation)) ?? []) {
      await db.exec(ddl);
      await between?.();
    }
  },

  /** Moves a generation's checkpoint; call in the transaction that wrote its rows. */
  async checkpoint(db: SqlSession, name: string, generation: number, position: Position): Promise<void> {
    await db.run(
      `UPDATE projection_generations SET position = @position, updated_at = @now WHERE name = @name AND generation = @generation`,
      { name, generation, position: formatPosition(position), now: new Date().toISOString() },
    );
  },

  /** Makes `generation` the active one and retires the previous, atomically. */
  async activate(db: SqlSession, name: string, generation: number): Promise<void> {
    const now = new Date().toISOString();
    await db.run(
      `UPDATE projection_generations SET status = 'retired', updated_at = @now WHERE name = @name AND status = 'active'`,
      { name, now },
    );
    await db.run(
      `UPDATE projection_generations SET status = 'active', updated_at = @now WHERE name = @name AND generation = @generation`,
      { name, generation, now },
    );
  },

  /** Drops a retired generation's tables and forgets it. */
  async drop(db: SqlSession, projection: Projection<DomainEvent>, generation: number): Promise<void> {
    for (const table of Object.values(tablesOf(projection, generation))) await db.exec(`DROP TABLE IF EXISTS ${table}`);
    await db.run('DELETE FROM projection_generations WHERE name = @name AND generation = @generation', {
      name: projection.name,
      generation,
    });
  },

  /** Tables queries should read: the active generation's (or, before any is active, the one being built). */
  async tablesToRead(db: SqlSession, projection: Projection<DomainEvent>): Promise<Tables> {
    return (await this.serving(db, projection)).tables;
  },

  /** The generation queries read (`tablesToRead`), with its tables and checkpoint (`null` before the first batch). */
  async serving(
    db: SqlSession,
    projection: Projection<DomainEvent>,
  ): Promise<{ generation: number; position: string | null; tables: Tables }> {
    const row = await db.get<{ generation: number; position: string | null }>(
      `SELECT generation, position FROM projection_generations WHERE name = @name AND status <> 'retired'
       ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, generation DESC LIMIT 1`,
      { name: projection.name },
    );
    const generation = Number(row?.generation ?? 1);
    return { generation, position: row?.position ?? null, tables: tablesOf(projection, generation) };
  },
};
