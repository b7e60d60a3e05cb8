import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, eventsAfter, fixture, readEvents, tempDataDir } from './import-cli';

describe('cli import mnd: daily PLA activity to escalation signals', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('records one signal per report day over the 06:00–06:00 Taipei window', async () => {
    const result = await cli(data.dir, 'import', 'mnd', fixture('mnd-pla-activity.csv'));
    expect(result.stdout).toBe('mnd: added 2, amended 0, removed 0, unchanged 0, rejected 0, skipped 0\n');
    expect(result.code).toBe(0);
    const events = await readEvents(data.dir);
    expect(events.map((e) => e.type)).toEqual(['EscalationSignalRecorded', 'EscalationSignalRecorded']);
    expect(events[0].data).toMatchObject({
      region: 'taiwan-strait',
      kind: 'exercise',
      observedFrom: '2024-05-23T06:00:00+08:00',
      observedTo: '2024-05-24T06:00:00+08:00',
      metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
      severity: 5,
      source: {
        citation: 'mnd-pla-activity.csv line 2',
        publisher: 'Ministry of National Defense, ROC (Taiwan)',
        url: 'https://www.mnd.gov.tw/',
      },
    });
    expect(events[1].data.metrics).toEqual({ aircraft: 62, navyVessels: 27 });
  }, 60_000);

  it('appends nothing on re-import, and rejects a day already recorded with other counts', async () => {
    const before = (await readEvents(data.dir)).length;
    const again = await cli(data.dir, 'import', 'mnd', fixture('mnd-pla-activity.csv'));
    expect(again.stdout).toBe('mnd: added 0, amended 0, removed 0, unchanged 2, rejected 0, skipped 0\n');
    const corrected = join(data.dir, 'mnd-corrected.csv');
    writeFileSync(
      corrected,
      readFileSync(fixture('mnd-pla-activity.csv'), 'utf8').replace('2024-05-24,49,', '2024-05-24,50,'),
    );
    const changed = await cli(data.dir, 'import', 'mnd', corrected);
    expect(changed.stdout).toBe(
      'mnd: added 0, amended 0, removed 0, unchanged 1, rejected 1, skipped 0\n' +
        'line 2: 2024-05-24 is already recorded with other counts (aircraft 49 → 50); signals are not amended\n',
    );
    expect(changed.code).toBe(0);
    expect(await eventsAfter(data.dir, before)).toEqual([]);
  }, 60_000);
});
