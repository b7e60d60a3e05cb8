import { schemaVersionOf, type Upcaster, UpcasterRegistry } from './upcaster-registry';

const rename: Upcaster = ({ name, ...rest }) => ({ ...rest, title: name });
const addTags: Upcaster = (data, metadata) => ({ ...data, tags: [`by:${String(metadata.actor)}`] });
const registry = new UpcasterRegistry({ Thing: 3, Other: 1 }, [
  { type: 'Thing', fromVersion: 2, upcast: addTags },
  { type: 'Thing', fromVersion: 1, upcast: rename },
]);

describe('UpcasterRegistry', () => {
  it('applies the steps in version order up to the current version and stamps it', () => {
    const event = { type: 'Thing', data: { name: 'n' }, metadata: { schemaVersion: 1, actor: 'a' }, revision: 4n };
    expect(registry.upcast(event)).toEqual({
      type: 'Thing',
      data: { title: 'n', tags: ['by:a'] },
      metadata: { schemaVersion: 3, actor: 'a' },
      revision: 4n,
    });
  });

  it('starts from the stored version, defaulting to 1 when metadata has none', () => {
    expect(registry.upcast({ type: 'Thing', data: { title: 't' }, metadata: { schemaVersion: 2 } }).data).toEqual({
      title: 't',
      tags: ['by:undefined'],
    });
    expect(registry.upcast({ type: 'Thing', data: { name: 'n' }, metadata: {} }).data).toMatchObject({ title: 'n' });
  });

  it('never mutates the input event', () => {
    const event = { type: 'Thing', data: { name: 'n', nested: { x: 1 } }, metadata: { schemaVersion: 1 } };
    const before = structuredClone(event);
    registry.upcast(event);
    expect(event).toEqual(before);
  });

  it('returns current, unknown-type and newer-than-known events as they are', () => {
    const current = { type: 'Thing', data: {}, metadata: { schemaVersion: 3 } };
    const unknown = { type: 'Alien', data: {}, metadata: { schemaVersion: 1 } };
    const newer = { type: 'Thing', data: {}, metadata: { schemaVersion: 4 } };
    expect(registry.upcast(current)).toBe(current);
    expect(registry.upcast(unknown)).toBe(unknown);
    expect(registry.upcast(newer)).toBe(newer);
    expect(registry.currentVersion('Thing')).toBe(3);
    expect(registry.currentVersion('constructor')).toBeUndefined();
  });

  it('fails at construction when a step is missing, duplicated or leads nowhere', () => {
    expect(() => new UpcasterRegistry({ Thing: 3 }, [{ type: 'Thing', fromVersion: 1, upcast: rename }])).toThrow(
      'No upcaster for Thing@v2',
    );
    expect(
      () =>
        new UpcasterRegistry({ Thing: 2 }, [
          { type: 'Thing', fromVersion: 1, upcast: rename },
          { type: 'Thing', fromVersion: 1, upcast: rename },
        ]),
    ).toThrow('Two upcasters');
    expect(() => new UpcasterRegistry({ Thing: 1 }, [{ type: 'Thing', fromVersion: 1, upcast: rename }])).toThrow(
      RangeError,
    );
    expect(() => new UpcasterRegistry({}, [{ type: 'Ghost', fromVersion: 1, upcast: rename }])).toThrow(RangeError);
  });
});

describe('schemaVersionOf', () => {
  it('reads a positive integer, else 1', () => {
    expect(schemaVersionOf({ schemaVersion: 2 })).toBe(2);
    expect(schemaVersionOf({})).toBe(1);
    expect(schemaVersionOf({ schemaVersion: '2' })).toBe(1);
    expect(schemaVersionOf({ schemaVersion: 0 })).toBe(1);
  });
});
