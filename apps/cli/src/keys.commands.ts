import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
// The API's own rules for the file, so that what the CLI writes is exactly what the API loads.
import { checkKeyEntry, type KeyEntry, loadApiKeys } from '../../api/src/auth/api-keys';

/** Options of `keys create` and `keys hash`. */
export interface KeyOptions {
  name: string;
  role: string;
  /** An `API_KEYS_FILE` to add the entry to (created as `[]` if missing). */
  file?: string;
}

/** Shorter keys are guessable; `keys create` makes 43-character ones. */
const MIN_KEY_LENGTH = 16;

/** `keys create`: a new random key (256 bits), printed once, and its entry for `API_KEYS_FILE`. */
export function keysCreate(options: KeyOptions): void {
  const key = randomBytes(32).toString('base64url');
  const entry = entryFor(key, options);
  process.stdout.write(`key: ${key}\nentry: ${JSON.stringify(entry)}\n`);
  process.stderr.write(
    `The key is shown only now: give it to ${entry.name}. ${whereTheEntryGoes(options.file)}; the entry holds only the key's SHA-256.\n`,
  );
}

/** `keys hash`: the entry for an existing key, read from stdin (never an argument, which shells and `ps` keep). */
export async function keysHash(keyArgument: string | undefined, options: KeyOptions): Promise<void> {
  if (keyArgument !== undefined) {
    throw new Error(
      'keys hash no longer takes the key as an argument (shell history and ps would keep it): ' +
        `pipe it in or type it at the prompt, e.g. keys hash --name ${options.name} --role ${options.role} < key.txt`,
    );
  }
  const key = await readKey(`API key for ${options.name} (not echoed): `);
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(`a key of ${key.length} characters is guessable: use at least ${MIN_KEY_LENGTH}, or keys create`);
  }
  const entry = entryFor(key, options);
  process.stdout.write(`entry: ${JSON.stringify(entry)}\n`);
  if (options.file) process.stderr.write(`${whereTheEntryGoes(options.file)}.\n`);
}

function entryFor(key: string, { name, role, file }: KeyOptions): KeyEntry {
  const entry = { name, role, sha256: hashApiKey(key) };
  checkKeyEntry(entry, '--name/--role');
  if (file) appendEntry(file, entry);
  return entry;
}

function whereTheEntryGoes(file: string | undefined): string {
  return file ? `Added the entry to ${file}` : 'Put the entry in the JSON array of API_KEYS_FILE (or use --file)';
}

/**
 * Adds `entry` to the JSON array in `file`, refusing a file the API would not load. Written to a
 * temporary file and renamed, so the API never reads half a file. A new file is mode 0644: it
 * holds only hashes of random keys, and the container's user (compose bind-mounts the file) must
 * be able to read it whatever its owner on the host.
 */
function appendEntry(file: string, entry: KeyEntry): void {
  let entries: unknown[] = [];
  let mode = 0o644;
  if (existsSync(file)) {
    if (loadApiKeys({ API_KEYS_FILE: file }).has(entry.sha256)) throw new Error(`${file} already has this key`);
    // As written, other fields and all: the API has just accepted it.
    entries = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    mode = statSync(file).mode & 0o777;
  } else {
    mkdirSync(dirname(file), { recursive: true });
  }
  entries.push(entry);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(entries, null, 2)}\n`, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

/** One key from stdin: a prompt without echo on a terminal, else the piped text without its final newline. */
async function readKey(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    const key = text.replace(/\r?\n$/, '');
    if (/[\r\n]/.test(key)) throw new Error('stdin holds more than one line: give one key per run');
    return key;
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = new Promise<string>((resolve) => terminal.question(prompt, resolve));
    muted = true;
    return await answer;
  } finally {
    terminal.close();
    process.stderr.write('\n');
  }
}
