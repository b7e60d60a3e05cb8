import { headOf } from '@tracker/event-store/position';
import { DEMO_WRITES } from '../src/demo/demo-records';
import { loadDemo } from '../src/demo/load-demo';
import { startTestApp, type TestApp } from './test-app';

describe('demo data (true public records, loaded through the HTTP commands)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
    await loadDemo(api.app);
    const head = await headOf(api.store);
    if (head) await api.settle({ position: `${head.commit}` });
  });
  afterAll(() => api.close());

  it('holds at least 25 dated records from Oct 2023 to Jun 2024, every one with a source and publisher', () => {
    const records = DEMO_WRITES.filter((w) => !w.path.includes('/stages'));
    expect(records.length).toBeGreaterThanOrEqual(25);
    for (const write of DEMO_WRITES) {
      expect(write.body.source).toEqual(expect.objectContaining({ publisher: expect.any(String) }));
    }
    const kinds = new Set(DEMO_WRITES.map((w) => w.path.split('/')[2]));
    expect([...kinds].sort()).toEqual([
      'anchors',
      'diplomatic-engagements',
      'escalation-signals',
      'policy-actions',
      'sanctioned-entities',
      'statements',
    ]);
  });

  it('escalation around the inauguration: anchor at offset 0, the MND reports of 24 and 25 May at +4 and +5', async () => {
    const res = await api.request('GET', '/v1/timelines/escalation?anchor=taiwan-inauguration-2024&before=7&after=7');
    expect(res.status).toBe(200);
    const byOffset = new Map(res.body.days.map((d: { offset: number }) => [d.offset, d]));
    expect(res.body.days).toHaveLength(15);
    expect(byOffset.get(0)).toMatchObject({ date: '2024-05-20', aircraft: 0 });
    expect(byOffset.get(4)).toMatchObject({
      date: '2024-05-24',
      aircraft: 49,
      medianLineCrossings: 35,
      navyVessels: 19,
      coastGuardVessels: 7,
    });
    expect(byOffset.get(5)).toMatchObject({ date: '2024-05-25', aircraft: 62, navyVessels: 27 });
  });

  it('export controls: the October 2023 rule’s 42 China listings appear as announced counts', async () => {
    const res = await api.request('GET', '/v1/timelines/export-controls?country=CN&list=BIS_ENTITY_LIST');
    const day = res.body.days.find((d: { date: string }) => d.date === '2023-10-06');
    expect(day).toMatchObject({ announced: 42, added: 0 });
    const all = await api.request('GET', '/v1/timelines/export-controls?list=BIS_ENTITY_LIST');
    expect(all.body.days.find((d: { date: string }) => d.date === '2023-10-06')).toMatchObject({ announced: 49 });
  });

  it('the TikTok law is signed and the shipbuilding investigation initiated', async () => {
    const list = await api.request('GET', '/v1/policy-actions?limit=50');
    const byInstrument = Object.fromEntries(list.body.items.map((a: { instrument: string }) => [a.instrument, a]));
    expect(byInstrument['H.R. 815']).toMatchObject({ stage: 'signed' });
    expect(byInstrument['H.R. 7521']).toMatchObject({ stage: 'passed-house' });
  });
});
