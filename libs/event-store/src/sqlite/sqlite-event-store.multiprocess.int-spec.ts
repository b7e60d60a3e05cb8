import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SqliteEventStore } from './sqlite-event-store';

const run = promisify(execFile);

/** One process: wait for the shared start time, then append once expecting revision 0. */
const CHILD = `
const { SqliteEventStore } = require(${JSON.stringify(join(__dirname, 'sqlite-event-store.ts'))});
const [file, stream, startAt] = process.argv.slice(1);
const store = new SqliteEventStore({ filename: file });
setTimeout(async () => {
  try {
    await store.appendToStream(stream, [{ eventId: require('node:crypto').randomUUID(), type: 'Raced', data: {}, metadata: {} }], { expectedRevision: 0n });
    process.stdout.write('ok');
  } catch (e) {
    process.stdout.write(e.name);
  }
}, Number(startAt) - Date.now());
`;

describe('SQLite event store across processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-mp-'));
  const file = join(dir, 'tracker.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('of six processes appending at the same instant with the same expected revision, exactly one succeeds', async () => {
    const store = new SqliteEventStore({ filename: file });
    const stream = `race-${randomUUID()}`;
    await store.appendToStream(stream, [{ eventId: randomUUID(), type: 'Created', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    const startAt = String(Date.now() + 3000);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', CHILD, file, stream, startAt], {
          env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' },
        }).then((r) => r.stdout),
      ),
    );
    expect(outcomes.sort()).toEqual([
      'ConcurrencyError',
      'ConcurrencyError',
      'ConcurrencyError',
      'ConcurrencyError',
      'ConcurrencyError',
      'ok',
    ]);
    const events = [];
    for await (const e of store.readStream(stream)) events.push(e.type);
    expect(events).toEqual(['Created', 'Raced']);
    await store.close();
  }, 60_000);
});
