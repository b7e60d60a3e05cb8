import { ConfigError } from '@tracker/runtime/app.config';
import { readFileSync } from 'node:fs';

/** What each role may do; `admin` may do everything. */
export const ROLES = ['viewer', 'analyst', 'auditor', 'admin'] as const;
/** One of `ROLES`. */
export type Role = (typeof ROLES)[number];

/** The authenticated caller; its `id` becomes every event's `actor`. */
export interface Principal {
  readonly id: string;
  readonly role: Role;
}

/** One key as `API_KEYS_FILE` lists it; the key itself is never stored, only its SHA-256. */
export interface KeyEntry {
  name: string;
  role: string;
  sha256: string;
}

/** Throws a `ConfigError` naming `origin` unless the API accepts `entry` (shared with the CLI that writes the file). */
export function checkKeyEntry({ name, role, sha256 }: KeyEntry, origin: string): void {
  if (!/^[\w.@-]{1,100}$/.test(name ?? ''))
    throw new ConfigError(`${origin}: name must be 1–100 letters, digits or ._@-`);
  if (!ROLES.includes(role as Role)) throw new ConfigError(`${origin}: role must be one of ${ROLES.join(', ')}`);
  if (!/^[0-9a-f]{64}$/.test(sha256 ?? '')) {
    throw new ConfigError(
      `${origin}: expected the key's SHA-256 as 64 hex digits (npm run cli -- keys create, or keys hash for an existing key)`,
    );
  }
}

/** Parses `API_KEYS` (`name:role:sha256hex,…`) and `API_KEYS_FILE`; a malformed entry is a `ConfigError` naming its position. */
export function loadApiKeys(env: { API_KEYS?: string; API_KEYS_FILE?: string }): Map<string, Principal> {
  const entries: (KeyEntry & { origin: string })[] = [];
  (env.API_KEYS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .forEach((entry, index) => {
      const [name = '', role = '', sha256 = ''] = entry.split(':');
      entries.push({ name, role, sha256, origin: `API_KEYS entry ${index + 1}` });
    });
  if (env.API_KEYS_FILE) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(env.API_KEYS_FILE, 'utf8'));
    } catch (error) {
      throw new ConfigError(
        `API_KEYS_FILE ${env.API_KEYS_FILE} is not a readable JSON file: ${(error as Error).message}`,
      );
    }
    if (!Array.isArray(parsed)) throw new ConfigError('API_KEYS_FILE must hold a JSON array of { name, role, sha256 }');
    parsed.forEach((entry: KeyEntry, index) => entries.push({ ...entry, origin: `API_KEYS_FILE entry ${index + 1}` }));
  }
  const keys = new Map<string, Principal>();
  for (const { origin, ...entry } of entries) {
    checkKeyEntry(entry, origin);
    keys.set(entry.sha256, { id: entry.name, role: entry.role as Role });
  }
  return keys;
}
