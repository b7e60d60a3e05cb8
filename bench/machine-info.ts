import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

function version(pkg: string): string {
  try {
    // Read from node_modules directly: packages with an `exports` map (Emmett) do not export package.json.
    const path = join(__dirname, '..', 'node_modules', pkg, 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } catch (error) {
    return `unreachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What the figures were measured on, for `results.json` and the table's header. */
export async function machineInfo(postgresUrl: string) {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'apps', 'libs'], {
      encoding: 'utf8',
    });
    // Figures from uncommitted code say so: they may not be reproducible from the commit alone.
    if (changed.trim()) commit += ` + uncommitted changes in ${changed.trim().split('\n').length} file(s)`;
  } catch {
    // Not a checkout: the figures stand without it.
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.versions.node,
    platform: `${process.platform} ${release()}`,
    date: new Date().toISOString(),
    commit,
    sqlite,
    postgres: await postgresVersion(postgresUrl),
    packages: Object.fromEntries(
      ['better-sqlite3', '@event-driven-io/emmett-sqlite', '@event-driven-io/emmett', 'sqlite3', 'autocannon'].map(
        (p) => [p, version(p)],
      ),
    ),
  };
}
