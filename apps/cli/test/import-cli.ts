import type { RecordedEvent } from '@tracker/event-store/event-store.port';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const exec = promisify(execFile);

/** Path of a fixture file in `apps/cli/test/fixtures`. */
export const fixture = (name: string) => join(__dirname, 'fixtures', name);

/** A fresh `DATA_DIR` and a way to delete it. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-import-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `npm run cli -- …` as an operator would (stdout not a terminal, so no progress bar). */
export async function cli(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every event in `<dataDir>/tracker.db`, read through the real SQLite event store. */
export async function readEvents(dataDir: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ filename: join(dataDir, 'tracker.db') });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
}

/** The events appended since `before` events were there. */
export async function eventsAfter(dataDir: string, before: number): Promise<RecordedEvent[]> {
  return (await readEvents(dataDir)).slice(before);
}
