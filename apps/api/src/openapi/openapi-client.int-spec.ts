import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const OPENAPI_FILE = join(__dirname, '..', '..', '..', '..', 'openapi.json');
const CLI = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

/**
 * A client a dashboard team would write against the generated types: one call per route, with
 * a body, parameters and a use of the answer as the document describes them. A route, body,
 * parameter or response field that loses its schema makes this fail to compile.
 */
const CLIENT = String.raw`
import type { paths } from './openapi';

type Method = 'get' | 'post';
type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends infer O
  ? O extends { responses: object } ? O : never
  : never;
type Init<O> = (O extends { parameters: { path: infer Path } } ? ([Path] extends [never | undefined] ? {} : { path: Path }) : {}) &
  (O extends { parameters: { query?: infer Query } } ? { query?: Query } : {}) &
  (O extends { parameters: { header?: infer Header } } ? { header?: Header } : {}) &
  (O extends { requestBody: { content: { 'application/json': infer Body } } } ? { body: Body } : {});
type Success<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? (R[S] extends { content: infer C } ? C[keyof C] : never) : never }[keyof R]
  : never;

declare function call<P extends keyof paths, M extends Method & keyof paths[P]>(
  method: M,
  path: P,
  init: Init<Operation<P, M>>,
): Promise<Success<Operation<P, M>>>;

const MFA = { url: 'https://www.fmprc.gov.cn/eng/', publisher: 'Ministry of Foreign Affairs of the PRC' };
const BIS = { url: 'https://www.bis.gov/press-releases', publisher: 'Bureau of Industry and Security' };
const MND = { url: 'https://www.mnd.gov.tw/', publisher: 'Ministry of National Defense, ROC (Taiwan)' };
const keyed = (key: string) => ({ header: { 'Idempotency-Key': key, 'X-Correlation-Id': 'client-check' } });
const ifMatch = (revision: number) => ({ 'If-Match': '"' + revision + '"' });

export async function everyRoute(): Promise<unknown[]> {
  const said = await call('post', '/v1/statements', {
    ...keyed('statement-1'),
    body: {
      speaker: 'Wang Yi',
      role: 'Foreign Minister',
      country: 'CN',
      audience: 'public',
      occurredAt: '2024-05-20',
      text: 'Taiwan independence is a dead end.',
      topics: ['taiwan'],
      stance: 'hostile',
      cameoCode: '111',
      source: MFA,
    },
  });
  const corrected = await call('post', '/v1/statements/{id}/corrections', {
    path: { id: said.id },
    header: ifMatch(said.revision),
    body: { changes: { stance: 'critical' }, reason: 'The transcript words it as a warning.', source: MFA },
  });
  await call('post', '/v1/statements/{id}/retraction', {
    path: { id: said.id },
    header: ifMatch(corrected.revision),
    body: { reason: 'misattributed', source: { citation: 'MFA transcript', publisher: 'MFA' } },
  });
  const statements = await call('get', '/v1/statements', { query: { speaker: 'Wang Yi', topic: 'taiwan', limit: 10 } });
  const stance: 'supportive' | 'conciliatory' | 'neutral' | 'critical' | 'hostile' | undefined = statements.items[0].stance;
  const corrections: number = statements.items[0].corrections.length;

  const listed = await call('post', '/v1/sanctioned-entities', {
    ...keyed('entity-1'),
    body: {
      name: 'Shenzhen Example Technology Co., Ltd.',
      aliases: ['SETC'],
      country: 'CN',
      list: 'BIS_ENTITY_LIST',
      programs: ['EAR'],
      effectiveFrom: '2023-10-06',
      federalRegisterCitation: '88 FR 70352',
      addresses: ['Shenzhen'],
      licensePolicy: 'Presumption of denial',
      source: BIS,
    },
  });
  await call('post', '/v1/sanctioned-entities/{id}/amendments', {
    path: { id: listed.id },
    body: { changes: { addresses: ['Shenzhen', 'Hong Kong'] }, note: 'Address added', source: BIS },
  });
  await call('post', '/v1/sanctioned-entities/{id}/removal', {
    path: { id: listed.id },
    body: { effectiveOn: '2024-06-12', reason: 'Delisted', source: BIS },
  });
  const entity = await call('get', '/v1/sanctioned-entities/{id}', { path: { id: listed.id }, query: { asOf: '2024-06-01T00:00:00Z' } });
  const status: 'listed' | 'removed' = entity.status;
  const aliases: string[] = entity.aliases;
  const entities = await call('get', '/v1/sanctioned-entities', { query: { list: 'BIS_ENTITY_LIST', country: 'CN' } });
  const removedOn: string | undefined = entities.items[0].removal?.effectiveOn;

  const bill = await call('post', '/v1/policy-actions', {
    body: {
      kind: 'legislation',
      title: 'Protecting Americans from Foreign Adversary Controlled Applications Act',
      actors: ['US Congress'],
      instrument: 'H.R. 7521',
      stage: 'introduced',
      occurredAt: '2024-03-05',
      source: { url: 'https://www.congress.gov/', publisher: 'Congress.gov' },
    },
  });
  await call('post', '/v1/policy-actions/{id}/stages', {
    path: { id: bill.id },
    body: { stage: 'passed-house', occurredAt: '2024-03-13', source: { url: 'https://www.congress.gov/', publisher: 'Congress.gov' } },
  });
  const action = await call('get', '/v1/policy-actions/{id}', { path: { id: bill.id } });
  const stages: string[] = action.history.map((stage) => stage.stage);
  const rules = await call('get', '/v1/policy-actions', { query: { kind: 'export-control-rule' } });
  const announced: number | undefined = rules.items[0].announcedListings?.byCountry['CN'];

  await call('post', '/v1/diplomatic-engagements', {
    body: {
      kind: 'visit',
      title: "Secretary Blinken's second trip to China",
      participants: [{ name: 'Antony Blinken', role: 'Secretary of State', country: 'US' }],
      places: ['Shanghai', 'Beijing'],
      startsOn: '2024-04-24',
      endsOn: '2024-04-26',
      source: { url: 'https://www.state.gov/', publisher: 'US Department of State' },
    },
  });
  const engagements = await call('get', '/v1/diplomatic-engagements', { query: { country: 'US' } });
  const participants: string[] = engagements.items[0].participants.map((p) => p.name);

  await call('post', '/v1/escalation-signals', {
    body: {
      region: 'taiwan-strait',
      kind: 'air',
      observedFrom: '2024-05-23T06:00:00+08:00',
      observedTo: '2024-05-24T06:00:00+08:00',
      metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
      severity: 4,
      source: MND,
    },
  });
  const signals = await call('get', '/v1/escalation-signals', { query: { region: 'taiwan-strait' } });
  const aircraft: number | undefined = signals.items[0].metrics.aircraft;
  const reportDate: string = signals.items[0].reportDate;

  await call('post', '/v1/anchors', {
    body: { name: 'taiwan-inauguration-2024', date: '2024-05-20', title: 'Inauguration of Lai Ching-te', source: MND },
  });
  const anchors = await call('get', '/v1/anchors', { query: { limit: 5 } });
  const anchorDate: string = anchors.items[0].date;

  const exportControls = await call('get', '/v1/timelines/export-controls', { query: { list: 'BIS_ENTITY_LIST', from: '2023-10-01' } });
  const cumulative: number = exportControls.days[0].cumulative;
  const escalation = await call('get', '/v1/timelines/escalation', {
    query: { anchor: 'taiwan-inauguration-2024', before: 7, after: 7 },
  });
  const index: number = escalation.days[0].escalationIndex;
  const anchorTitle: string = escalation.anchor.title;

  const feed = await call('get', '/v1/feed', { query: { kind: 'statement' } });
  const headline: string = feed.items[0].headline;
  const live: string = await call('get', '/v1/feed/live', { query: { kind: 'statement' }, header: { 'Last-Event-ID': '42' } });

  const trail = await call('get', '/v1/audit/streams/{streamId}', { path: { streamId: said.streamId }, query: { limit: 10 } });
  const eventType: string = trail.items[0].type;
  const verified = await call('get', '/v1/audit/verify', { query: { streamId: said.streamId } });
  const ok: boolean = verified.ok;

  const projections = await call('get', '/v1/admin/projections', {});
  const lag: number | undefined = projections.projections[0].active?.lag;
  const rebuild = await call('post', '/v1/admin/projections/{name}/rebuild', { path: { name: 'statements' } });
  const generation: number = rebuild.generation;
  const parked = await call('get', '/v1/admin/projections/{name}/parked', { path: { name: 'statements' } });
  const position: string = parked.items[0].position;
  const retried = await call('post', '/v1/admin/projections/{name}/parked/{position}/retry', { path: { name: 'statements', position } });
  const skipped = await call('post', '/v1/admin/projections/{name}/parked/{position}/skip', {
    path: { name: 'statements', position },
    body: { reason: 'Written by a buggy importer' },
  });
  const resolvedBy: (string | null)[] = [retried.resolvedBy, skipped.resolvedBy];

  const kinds = await call('get', '/v1/record-kinds', {});
  const collection: string = kinds.items[0].collection;

  const health = await call('get', '/health', {});
  const liveness = await call('get', '/health/live', {});
  const readiness = await call('get', '/health/ready', {});
  const up: ('ok' | 'error' | 'shutting_down')[] = [health.status, liveness.status, readiness.status];
  const metrics: string = await call('get', '/metrics', {});

  return [stance, corrections, status, aliases, removedOn, stages, announced, participants, aircraft, reportDate,
    anchorDate, cumulative, index, anchorTitle, headline, live, eventType, ok, lag, generation, resolvedBy, collection, up, metrics];
}
`;

describe('the generated client', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-openapi-client-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('type-checks a client that calls every route, from the types openapi-typescript generates from openapi.json', () => {
    // Its own CLI, as a client team would run it (it loads ES modules, which Jest's module system cannot).
    execFileSync(process.execPath, [CLI, OPENAPI_FILE, '--output', join(dir, 'openapi.ts')], { stdio: 'pipe' });
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    const program = ts.createProgram([join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      lib: ['lib.es2023.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const report = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => dir,
      getNewLine: () => '\n',
    });
    expect(report).toBe('');
  }, 60_000);

  it('calls every route of the document', () => {
    const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, object> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    const called = [...CLIENT.matchAll(/call\('(\w+)', '([^']+)'/g)].map(([, method, path]) => `${method} ${path}`);
    expect(new Set(called)).toEqual(new Set(documented));
  });
});
