import { cli, eventsAfter, fixture, readEvents, tempDataDir } from './import-cli';

const source = (event: { data: Record<string, unknown> }) => event.data.source as { citation: string };

describe('cli import csl: snapshots diffed into add / amend / remove commands', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('imports a first snapshot as one addition per kept row, each citing its file and line', async () => {
    const result = await cli(data.dir, 'import', 'csl', fixture('csl-snapshot-1.csv'));
    expect(result.stdout).toBe('csl: added 6, amended 0, removed 0, unchanged 0, rejected 0, skipped 1\n');
    expect(result.code).toBe(0);
    const events = await readEvents(data.dir);
    expect(events.map((e) => e.type)).toEqual(Array(6).fill('SanctionedEntityAdded'));
    expect(events.map((e) => source(e).citation)).toEqual(
      [2, 3, 4, 5, 6, 7].map((line) => `csl-snapshot-1.csv line ${line}`),
    );
    expect(events[0].data).toMatchObject({
      name: 'Example Optics Trading Co., Ltd.',
      list: 'BIS_ENTITY_LIST',
      country: 'CN',
      aliases: ['Example Optics', 'EOT Trading'],
      sourceId: 'csl:EL:fx0001el',
      effectiveFrom: '2024-04-11',
    });
    expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(1);
    expect(events[0].metadata.actor).toMatch(/^importer:/);
  }, 60_000);

  it('turns a second snapshot with one listing amended, one removed and one added into exactly those three events', async () => {
    const before = (await readEvents(data.dir)).length;
    const result = await cli(data.dir, 'import', 'csl', fixture('csl-snapshot-2.csv'), '--effective', '2024-06-15');
    expect(result.stdout).toBe('csl: added 1, amended 1, removed 1, unchanged 4, rejected 0, skipped 1\n');
    const events = await eventsAfter(data.dir, before);
    expect(events.map((e) => e.type).sort()).toEqual([
      'SanctionedEntityAdded',
      'SanctionedEntityAmended',
      'SanctionedEntityRemoved',
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    expect(byType.SanctionedEntityAmended.data.changes).toEqual({
      aliases: ['Example Optics', 'EOT Trading', 'Example Optics (HK)'],
      federalRegisterCitation: '89 FR 99901; 89 FR 99950',
    });
    expect(source(byType.SanctionedEntityAmended).citation).toBe('csl-snapshot-2.csv line 2');
    expect(byType.SanctionedEntityRemoved.data).toMatchObject({ effectiveOn: '2024-06-15' });
    expect(source(byType.SanctionedEntityRemoved).citation).toBe('csl-snapshot-2.csv: no row for csl:MEU:fx0003meu');
    expect(byType.SanctionedEntityAdded.data).toMatchObject({ name: 'Specimen Robotics Co., Ltd.' });
  }, 60_000);

  it('appends nothing when the same snapshot is imported again, and the log still verifies', async () => {
    const before = (await readEvents(data.dir)).length;
    const result = await cli(data.dir, 'import', 'csl', fixture('csl-snapshot-2.csv'));
    expect(result.stdout).toBe('csl: added 0, amended 0, removed 0, unchanged 6, rejected 0, skipped 1\n');
    expect(await eventsAfter(data.dir, before)).toEqual([]);
    expect((await cli(data.dir, 'audit', 'verify')).stdout).toMatch(/: 0 breaks/);
  }, 60_000);

  it('with --no-remove adds and amends from a partial file but removes nothing', async () => {
    const before = (await readEvents(data.dir)).length;
    const result = await cli(data.dir, 'import', 'csl', fixture('csl-broken.csv'), '--no-remove');
    expect(result.stdout).toMatch(/^csl: added 2, amended 0, removed 0, unchanged 0, rejected 4, skipped 0\n/);
    expect((await eventsAfter(data.dir, before)).map((e) => e.type)).toEqual(Array(2).fill('SanctionedEntityAdded'));
  }, 60_000);
});

describe('cli import csl: broken rows, API JSON, fatal errors', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('imports the good rows and reports each bad one by line and reason', async () => {
    const result = await cli(data.dir, 'import', 'csl', fixture('csl-broken.csv'));
    expect(result.stdout).toBe(
      [
        'csl: added 2, amended 0, removed 0, unchanged 0, rejected 4, skipped 0',
        'line 3: name is empty',
        'line 4: start date "2024-02-30" is not a date (YYYY-MM-DD)',
        'line 5: unknown country "XX" (not ISO 3166-1 alpha-2)',
        'line 8: _id is empty: the row cannot be matched with later snapshots',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    const events = await readEvents(data.dir);
    expect(events.map((e) => [e.data.name, source(e).citation])).toEqual([
      ['Example Precision Machinery Co., Ltd.', 'csl-broken.csv line 2'],
      ['Demo Composite Materials Co.', 'csl-broken.csv line 6'],
    ]);
  }, 60_000);

  it('reads trade.gov API JSON; undated rows wait for --default-start-date; as a snapshot it delists EL rows it lacks', async () => {
    const first = await cli(data.dir, 'import', 'csl', fixture('csl.json'), '--no-remove');
    expect(first.stdout).toBe(
      'csl: added 2, amended 0, removed 0, unchanged 0, rejected 1, skipped 1\n' +
        'record 3: start_date is empty (pass --default-start-date to date such rows)\n',
    );
    const before = (await readEvents(data.dir)).length;
    const second = await cli(data.dir, 'import', 'csl', fixture('csl.json'), '--default-start-date', '2024-05-01');
    expect(second.stdout).toMatch(/^csl: added 1, amended 0, removed 2, unchanged 2, rejected 0, skipped 1\n/);
    const events = await eventsAfter(data.dir, before);
    expect(events.find((e) => e.type === 'SanctionedEntityAdded')?.data).toMatchObject({
      name: 'EXAMPLE, Jane',
      list: 'OFAC_SDN',
      country: 'CN',
      effectiveFrom: '2024-05-01',
      sourceId: 'csl:SDN:fx0203sdn',
    });
  }, 60_000);

  it('exits 1 with the reason when the file cannot be read, and appends nothing', async () => {
    const before = (await readEvents(data.dir)).length;
    const result = await cli(data.dir, 'import', 'csl', fixture('no-such-file.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file');
    expect(await eventsAfter(data.dir, before)).toEqual([]);
    expect((await cli(data.dir, 'import', 'csl', fixture('mnd-pla-activity.csv'))).code).toBe(1);
  }, 60_000);
});
