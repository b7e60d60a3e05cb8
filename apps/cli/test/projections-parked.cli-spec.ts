import { randomUUID } from 'node:crypto';
import { cli } from './import-cli';
import { startTestApp } from '../../api/test/test-app';

describe('cli: projections parked, retry, skip', () => {
  it('lists a parked event, refuses a retry that still fails (exit 1), and records a skip with the operator', async () => {
    const api = await startTestApp(undefined, { PROJECTION_MAX_ATTEMPTS: '2' });
    const id = randomUUID();
    const { position } = await api.store.appendToStream(
      `statement-${id}`,
      [{ eventId: randomUUID(), type: 'StatementRecorded', data: { statementId: id }, metadata: { schemaVersion: 2 } }],
      { expectedRevision: 'no_stream' },
    );
    const parked = async (name: string) =>
      (await api.request('GET', `/v1/admin/projections/${name}/parked`)).body.parked;
    for (const name of ['statements', 'feed'])
      for (let i = 0; i < 100 && (await parked(name)) === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
    await api.close({ keepData: true });
    const at = `${position.commit}`;

    const listed = await cli(api.dataDir, 'projections', 'parked', 'statements');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^statements +${at} +parked +attempts 2 +StatementRecorded +statement-${id}@0 +TypeError`, 'm'),
    );
    expect(listed.stdout).toContain('1 parked event awaiting retry or skip');
    expect((await cli(api.dataDir, 'projections', 'parked')).stdout).toMatch(/^feed +/m);

    const retry = await cli(api.dataDir, 'projections', 'retry', 'statements', at);
    expect(retry.code).toBe(1);
    expect(retry.stderr).toContain('still fails: TypeError');

    expect((await cli(api.dataDir, 'projections', 'skip', 'statements', at)).code).not.toBe(0);
    const skip = await cli(
      api.dataDir,
      'projections',
      'skip',
      'statements',
      at,
      '--reason',
      'written without its facts',
    );
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(/skipped +attempts 3 .* by cli:\S+ \(written without its facts\)/);
    expect((await cli(api.dataDir, 'projections', 'parked', 'statements')).stdout).toContain(
      '0 parked events awaiting retry or skip',
    );
    expect((await cli(api.dataDir, 'projections', 'skip', 'statements', at, '--reason', 'again')).code).toBe(1);
  }, 90_000);
});
