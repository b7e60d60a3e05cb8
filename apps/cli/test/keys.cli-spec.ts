import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiKeys } from '../../api/src/auth/api-keys';
import { createKey, keysCli, printed } from './keys-cli';

describe('cli: keys create, keys hash', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tracker-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('create prints a new random 256-bit key once and the entry the API loads for it', async () => {
    const [first, second] = await Promise.all([
      keysCli(['create', '--name', 'alice', '--role', 'analyst']),
      keysCli(['create', '--name', 'alice', '--role', 'analyst']),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const { key, entry } = printed(first.stdout);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(printed(second.stdout).key).not.toBe(key);
    expect(entry).toEqual({ name: 'alice', role: 'analyst', sha256: hashApiKey(key!) });
    expect(first.stderr).toContain('shown only now');
    expect(first.stderr).not.toContain(key);

    const file = join(dir, 'api-keys.json');
    writeFileSync(file, JSON.stringify([entry]));
    expect(loadApiKeys({ API_KEYS_FILE: file }).get(hashApiKey(key!))).toEqual({ id: 'alice', role: 'analyst' });
  });

  it('create --file makes the file (readable by the container user) and adds to it, keeping what it held', async () => {
    const file = join(dir, 'secrets', 'api-keys.json');
    const alice = await createKey(file, 'alice', 'admin');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name"', '"note": "kept", "name"'));
    const bob = await createKey(file, 'bob', 'viewer');
    const keys = loadApiKeys({ API_KEYS_FILE: file });
    expect([keys.get(hashApiKey(alice)), keys.get(hashApiKey(bob))]).toEqual([
      { id: 'alice', role: 'admin' },
      { id: 'bob', role: 'viewer' },
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8'))[0].note).toBe('kept');
  });

  it('create refuses a bad name or role, and a file the API would not load, and changes nothing', async () => {
    const file = join(dir, 'api-keys.json');
    expect((await keysCli(['create', '--name', 'a b', '--role', 'viewer', '--file', file])).code).not.toBe(0);
    expect((await keysCli(['create', '--name', 'a', '--role', 'root', '--file', file])).stderr).toContain(
      'viewer, analyst, auditor, admin',
    );
    expect(() => statSync(file)).toThrow();
    writeFileSync(file, '{"not":"an array"}');
    const broken = await keysCli(['create', '--name', 'a', '--role', 'viewer', '--file', file]);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('JSON array');
    expect(broken.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('{"not":"an array"}');
  });

  it('hash reads an existing key from stdin and prints (or adds) its entry', async () => {
    const key = 'an-existing-key-of-some-length';
    const file = join(dir, 'api-keys.json');
    const result = await keysCli(['hash', '--name', 'carol', '--role', 'auditor', '--file', file], `${key}\n`);
    expect(result.code).toBe(0);
    expect(printed(result.stdout)).toEqual({ entry: { name: 'carol', role: 'auditor', sha256: hashApiKey(key) } });
    expect(result.stdout + result.stderr).not.toContain(key);
    expect(loadApiKeys({ API_KEYS_FILE: file }).get(hashApiKey(key))).toEqual({ id: 'carol', role: 'auditor' });
  });

  it('hash never takes the key as an argument, nor a short key or several lines', async () => {
    const argument = await keysCli(['hash', 'my-secret-key-on-the-command-line', '--name', 'd', '--role', 'viewer']);
    expect(argument.code).not.toBe(0);
    expect(argument.stderr).toContain('no longer takes the key as an argument');
    expect(argument.stdout).toBe('');
    const short = await keysCli(['hash', '--name', 'd', '--role', 'viewer'], 'short\n');
    expect([short.code, short.stderr]).toEqual([1, expect.stringContaining('guessable')]);
    const lines = await keysCli(
      ['hash', '--name', 'd', '--role', 'viewer'],
      'first-key-0123456789\nsecond-key-0123456789\n',
    );
    expect([lines.code, lines.stderr]).toEqual([1, expect.stringContaining('one key per run')]);
  });
});
