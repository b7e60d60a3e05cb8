import { cli, eventsAfter, fixture, readEvents, tempDataDir } from './import-cli';

describe('cli import opensanctions: FollowTheMoney entities, then a delta file', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('lists each target entity once per kept dataset and skips the rest', async () => {
    const result = await cli(data.dir, 'import', 'opensanctions', fixture('opensanctions-entities.ftm.json'));
    expect(result.stdout).toBe('opensanctions: added 5, amended 0, removed 0, unchanged 0, rejected 0, skipped 3\n');
    expect(result.code).toBe(0);
    const events = await readEvents(data.dir);
    expect(events.map((e) => [e.data.name, e.data.list, e.data.country])).toEqual([
      ['Example Photonics Holdings Ltd.', 'BIS_ENTITY_LIST', 'CN'],
      ['Sample Defense Research Institute', 'OFAC_SDN', 'CN'],
      ['Sample Defense Research Institute', 'BIS_ENTITY_LIST', 'CN'],
      ['Jane Placeholder', 'OFAC_SDN', 'CN'],
      ['Demo Quantum Devices Co.', 'OFAC_NS_CMIC', 'CN'],
    ]);
    expect(events[1].data).toMatchObject({
      sourceId: 'os:NK-fxSampleDefenseInstitute',
      effectiveFrom: '2023-10-07',
      source: { citation: 'opensanctions-entities.ftm.json line 2', publisher: 'OpenSanctions' },
    });
  }, 60_000);

  it('applies ADD, MOD and DEL as exactly one addition, amendment and removal', async () => {
    const before = (await readEvents(data.dir)).length;
    const result = await cli(
      data.dir,
      'import',
      'opensanctions',
      fixture('opensanctions-delta.json'),
      '--effective',
      '2024-06-15',
    );
    expect(result.stdout).toBe('opensanctions: added 1, amended 1, removed 1, unchanged 0, rejected 0, skipped 0\n');
    const events = await eventsAfter(data.dir, before);
    expect(events.map((e) => e.type)).toEqual([
      'SanctionedEntityAdded',
      'SanctionedEntityAmended',
      'SanctionedEntityRemoved',
    ]);
    expect(events[0].data).toMatchObject({ name: 'Specimen Drone Parts Co.', sourceId: 'os:NK-fxSpecimenDroneParts' });
    expect(events[1].data.changes).toEqual({ aliases: ['Example Photonics', 'EPH Ltd.'] });
    expect(events[2].data).toMatchObject({
      effectiveOn: '2024-06-15',
      source: { citation: 'opensanctions-delta.json line 3' },
    });
  }, 60_000);

  it('appends nothing when the delta is applied again', async () => {
    const before = (await readEvents(data.dir)).length;
    const result = await cli(data.dir, 'import', 'opensanctions', fixture('opensanctions-delta.json'));
    expect(result.stdout).toBe('opensanctions: added 0, amended 0, removed 0, unchanged 3, rejected 0, skipped 0\n');
    expect(await eventsAfter(data.dir, before)).toEqual([]);
  }, 60_000);
});
