import { KIND_NAMES, kindOfEventType, RECORD_KINDS } from '@tracker/domain/record-kinds';
import { CURRENT_SCHEMA_VERSIONS } from '@tracker/domain/upcasting/upcast';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { READ_MODEL_KINDS } from '@tracker/read-models/record-kinds';
import { TrackerEventGenerator } from '@tracker/testing/tracker-event-generator';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GET_ROUTES, POSTS } from './fuzz-inputs';
import { startTestApp, type TestApp } from './test-app';

const ROOT = join(__dirname, '..', '..', '..');

interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: { $ref?: string; properties?: object } }> };
  responses?: Record<string, unknown>;
}

/**
 * The record-kind manifest holds every kind to all its pieces: a kind declared in
 * `libs/domain/src/record-kinds.ts` without its decider spec, projection, feed entries, API module,
 * list and record routes in the OpenAPI document, fuzz groups or generated test data fails here.
 */
let api: TestApp;
let paths: Record<string, Record<string, Operation>>;
beforeAll(async () => {
  api = await startTestApp();
  paths = (await api.request('GET', '/docs-json')).body.paths;
});
afterAll(() => api.close());

describe.each(RECORD_KINDS.map((k) => [k.kind, k] as const))('record kind %s has all its pieces', (kind, declared) => {
  const eventTypes = Object.keys(declared.decider.schemaVersions);

  it('a decider with a given/when/then spec, whose event types are its own and versioned', () => {
    expect(existsSync(join(ROOT, `libs/domain/src/${kind}/${kind}.decider.spec.ts`))).toBe(true);
    expect(eventTypes.length).toBeGreaterThan(0);
    for (const type of eventTypes) {
      expect(kindOfEventType(type)).toBe(kind);
      expect(CURRENT_SCHEMA_VERSIONS[type]).toBe(declared.decider.schemaVersions[type as never]);
    }
  });

  it('its projections, run by the runner, and a feed entry for every one of its events', () => {
    const { projections, feed } = READ_MODEL_KINDS[kind];
    expect(projections.length).toBeGreaterThan(0);
    for (const projection of projections) {
      expect(ALL_PROJECTIONS).toContain(projection);
      for (const type of projection.eventTypes ?? []) expect(kindOfEventType(type)).toBe(kind);
    }
    const generator = new TrackerEventGenerator(11);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const { event } = generator.next();
      if (kindOfEventType(event.type) !== kind) continue;
      seen.add(event.type);
      const entry = (feed as (e: unknown) => { recordId: string; headline: string })(event);
      expect(entry.recordId).toEqual(expect.any(String));
      expect(entry.headline.length).toBeGreaterThan(0);
    }
    // The generated test data (benches, batch-split properties) covers the kind.
    expect(seen.size).toBeGreaterThan(0);
  });

  it('an API module, and record and list routes in the OpenAPI document with their schemas', async () => {
    expect(existsSync(join(ROOT, `apps/api/src/${kind}/${kind}.module.ts`))).toBe(true);
    const collection = paths[`/v1/${declared.collection}`];
    expect(Object.keys(collection ?? {}).sort()).toEqual(['get', 'post']);
    const record = collection.post;
    const schema = record.requestBody?.content?.['application/json']?.schema;
    expect(schema?.$ref ?? schema?.properties).toBeTruthy();
    expect(Object.keys(record.responses ?? {})).toEqual(expect.arrayContaining(['201', '400']));
    expect(Object.keys(collection.get.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    const listed = await api.request('GET', `/v1/${declared.collection}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
  });

  it('fuzz groups for its record and list routes', () => {
    expect(POSTS.map((p) => p.name)).toContain(`POST /v1/${declared.collection}`);
    expect(GET_ROUTES.map((g) => g.name)).toContain(`GET /v1/${declared.collection}`);
  });
});

it('the manifest names each kind, stream category and collection once', () => {
  for (const field of ['kind', 'category', 'collection'] as const) {
    expect(new Set(RECORD_KINDS.map((k) => k[field])).size).toBe(RECORD_KINDS.length);
  }
  expect(KIND_NAMES).toEqual(Object.keys(READ_MODEL_KINDS));
});
