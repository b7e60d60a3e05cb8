import { entityBody, statementBody } from '@tracker/testing/fixtures';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { cli } from './import-cli';
import { startTestApp, type TestApp } from '../../api/test/test-app';

const source = { url: 'https://www.state.gov/', publisher: 'US Department of State' };

describe('cli: audit replay --compare, audit verify, audit export, projections rebuild', () => {
  let api: TestApp;
  let statementStream: string;

  beforeAll(async () => {
    api = await startTestApp();
    const written = [];
    for (let i = 0; i < 5; i++) {
      const statement = await api.request('POST', '/v1/statements', statementBody({ speaker: `Speaker ${i}` }));
      written.push(statement);
      written.push(
        await api.request('POST', `/v1/statements/${statement.body.id}/corrections`, {
          changes: { text: `v${i}` },
          reason: 'transcript',
          source,
        }),
      );
      const entity = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `CLI Entity ${i}` }));
      written.push(entity);
      written.push(
        await api.request('POST', `/v1/sanctioned-entities/${entity.body.id}/amendments`, {
          changes: { aliases: [`Alias ${i}`] },
          source,
        }),
      );
      if (i % 2 === 0) {
        written.push(
          await api.request('POST', `/v1/sanctioned-entities/${entity.body.id}/removal`, {
            effectiveOn: '2024-01-01',
            source,
          }),
        );
        written.push(
          await api.request('POST', `/v1/statements/${statement.body.id}/retraction`, {
            reason: 'misattributed',
            source,
          }),
        );
      }
    }
    expect(written.every((r) => r.status === 201)).toBe(true);
    statementStream = written[0].body.streamId;
    await api.settle(written[written.length - 1].body);
    await api.close({ keepData: true });
  }, 60_000);
  afterAll(() => api.close());

  it('a replay from position 0 equals the live read models after a mixed workload', async () => {
    const result = await cli(api.dataDir, 'audit', 'replay', '--compare');
    expect(result.stdout).toContain('8 of 8 projections equal a replay from position 0');
    expect(result.stdout).not.toContain('DIFF');
    expect(result.code).toBe(0);
  }, 60_000);

  it('a replay notices a read-model row that the log does not explain', async () => {
    const db = new Database(join(api.dataDir, 'read-models.db'));
    db.prepare("UPDATE rm_statements_g1 SET doc = replace(doc, 'v1', 'tampered') WHERE recorded_to IS NULL").run();
    db.close();
    const result = await cli(api.dataDir, 'audit', 'replay', '--compare', '--projection', 'statements');
    expect(result.stdout).toMatch(/^DIFF statements/m);
    expect(result.stdout).toContain('only live   rm_statements');
    expect(result.code).toBe(1);
    await cli(api.dataDir, 'projections', 'rebuild', 'statements');
    expect((await cli(api.dataDir, 'audit', 'replay', '--compare', '--projection', 'statements')).code).toBe(0);
  }, 60_000);

  it('migrate drops the read-model tables a data folder from before read-models.db kept in tracker.db', async () => {
    const log = new Database(join(api.dataDir, 'tracker.db'));
    const tables = () =>
      (
        log.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
      ).map((t) => t.name);
    const before = tables();
    log.exec('CREATE TABLE rm_statements_g1 (statement_id TEXT); CREATE TABLE projection_generations (name TEXT)');
    const events = log.prepare('SELECT count(*) AS n FROM events').get();
    const result = await cli(api.dataDir, 'migrate');
    expect(result.stdout).toContain('dropped 2 read-model tables left in tracker.db');
    expect(result.code).toBe(0);
    expect(tables()).toEqual(before);
    expect(tables()).toEqual(expect.arrayContaining(['events', 'idempotency_keys']));
    expect(log.prepare('SELECT count(*) AS n FROM events').get()).toEqual(events);
    log.close();
    expect((await cli(api.dataDir, 'migrate')).stdout).not.toContain('dropped');
  }, 60_000);

  it('audit verify passes, then names the event whose data was edited in the file', async () => {
    const clean = await cli(api.dataDir, 'audit', 'verify');
    expect(clean.stdout).toMatch(/verified \d+ events in \d+ streams: 0 breaks/);
    expect(clean.code).toBe(0);
    const db = new Database(join(api.dataDir, 'tracker.db'));
    db.prepare("UPDATE events SET data = json_set(data, '$.text', 'forged') WHERE stream_id = ? AND revision = 1").run(
      statementStream,
    );
    db.close();
    const broken = await cli(api.dataDir, 'audit', 'verify');
    expect(broken.stdout).toContain(`first break: ${statementStream} revision 1`);
    expect(broken.code).toBe(1);
  }, 60_000);

  it('audit export writes one JSON line per event with its metadata', async () => {
    const result = await cli(api.dataDir, 'audit', 'export', statementStream);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.type)).toEqual(['StatementRecorded', 'StatementCorrected', 'StatementRetracted']);
    expect(lines[0]).toMatchObject({ actor: 'local', schemaVersion: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await cli(api.dataDir, 'audit', 'export')).code).toBe(1);
  }, 60_000);
});
