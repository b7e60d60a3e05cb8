import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** One write the harness tried; `tag` is embedded in the event data so the log scan can find it. */
export interface Attempt {
  tag: string;
  kind: 'statement' | 'entity' | 'correction' | 'amendment';
  round: number;
  /** `rejected` is a 4xx (e.g. a 409 race): the write must not be in the log. */
  outcome: 'acknowledged' | 'rejected' | 'unacknowledged';
  status?: number;
  ack?: { id: string; streamId: string; revision: number };
}

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Inputs of the final checks: the restarted API and every write the rounds tried. */
export interface CheckInput {
  url: string;
  dataDir: string;
  nonce: string;
  attempts: Attempt[];
  headers: Record<string, string>;
  log: (line: string) => void;
}

/** What the final checks found; `problems` names each broken invariant. */
export interface CheckResult {
  found: number;
  unacknowledgedPresent: number;
  problems: string[];
}

interface StreamScan {
  lastRevision: number;
  /** Data of revision 0, to find the record in its read model (e.g. a statement's speaker). */
  first?: Record<string, unknown>;
}

/** Every write's event in the log, every stream whole, every record in its read model. */
export async function checkAfterCrashes(input: CheckInput): Promise<CheckResult> {
  const { url, dataDir, nonce, attempts, headers, log } = input;
  const problems: string[] = [];
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers, signal: AbortSignal.timeout(15_000) });
    return { status: response.status, body: (await response.json()) as any };
  };

  const caughtUpMs = await waitForProjections(get);
  if (caughtUpMs === undefined) problems.push('projections did not catch up (lag 0) within 60 s');
  else log(`restart: projections caught up in ${caughtUpMs} ms`);

  // (b) Straight from the file: revisions contiguous from 0, data and metadata parse, a hash on every event.
  const streams = new Map<string, StreamScan>();
  const tagged = new Map<string, { streamId: string; revision: number }[]>();
  const tagPattern = new RegExp(`${nonce} (r\\d+w\\d+n\\d+)`, 'g');
  const db = new Database(join(dataDir, 'tracker.db'), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const rows = db
      .prepare('SELECT stream_id, revision, data, metadata FROM events ORDER BY stream_id, revision')
      .iterate() as Iterable<{ stream_id: string; revision: number; data: string; metadata: string }>;
    for (const row of rows) {
      const scan = streams.get(row.stream_id);
      const expected = scan ? scan.lastRevision + 1 : 0;
      if (row.revision !== expected) problems.push(`${row.stream_id}: revision ${row.revision}, expected ${expected}`);
      let data: Record<string, unknown> | undefined;
      try {
        data = JSON.parse(row.data);
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        if (typeof metadata.hash !== 'string') problems.push(`${row.stream_id}@${row.revision}: no hash in metadata`);
      } catch {
        problems.push(`${row.stream_id}@${row.revision}: data or metadata is not JSON`);
      }
      streams.set(row.stream_id, { lastRevision: row.revision, first: scan ? scan.first : data });
      for (const tag of new Set([...row.data.matchAll(tagPattern)].map((match) => match[1]))) {
        tagged.set(tag, [...(tagged.get(tag) ?? []), { streamId: row.stream_id, revision: row.revision }]);
      }
    }
  } finally {
    db.close();
  }

  let unacknowledgedPresent = 0;
  for (const attempt of attempts) {
    const hits = tagged.get(attempt.tag) ?? [];
    if (hits.length > 1) problems.push(`${attempt.tag} (${attempt.outcome}) is in the log ${hits.length} times`);
    if (attempt.outcome === 'rejected' && hits.length > 0) {
      problems.push(`${attempt.tag} was rejected with ${attempt.status} but is in the log`);
    }
    if (attempt.outcome === 'unacknowledged' && hits.length > 0) unacknowledgedPresent++;
  }

  // Read models: every stream this run touched (acknowledged or not) shows its last revision.
  const touched = new Set([...tagged.values()].flat().map((hit) => hit.streamId));
  const readModelOk = new Set<string>();
  await inParallel([...touched], 8, async (streamId) => {
    const id = streamId.slice(streamId.indexOf('-') + 1);
    const scan = streams.get(streamId)!;
    const statement = streamId.startsWith('statement-');
    const { status, body } = await get(
      statement
        ? `/v1/statements?speaker=${encodeURIComponent(String(scan.first?.speaker))}`
        : `/v1/sanctioned-entities/${id}`,
    );
    const view = statement
      ? (body.items as { id: string; revision: number }[] | undefined)?.find((s) => s.id === id)
      : body;
    const revision = status === 200 ? view?.revision : undefined;
    if (revision === scan.lastRevision) readModelOk.add(streamId);
    else
      problems.push(`${streamId}: read model at ${revision ?? 'none'} (HTTP ${status}), log at ${scan.lastRevision}`);
  });

  // (a) Through the API: each acknowledged write is the event at its stream and revision.
  const acked = attempts.filter((a) => a.outcome === 'acknowledged');
  const trails = new Map<string, Map<number, { data: unknown; hash: string | null }>>();
  await inParallel([...new Set(acked.map((a) => a.ack!.streamId))], 8, async (streamId) => {
    const byRevision = new Map<number, { data: unknown; hash: string | null }>();
    let cursor: string | undefined;
    do {
      const query = `limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { status, body } = await get(`/v1/audit/streams/${encodeURIComponent(streamId)}?${query}`);
      if (status !== 200) {
        problems.push(`${streamId}: audit trail answered HTTP ${status}`);
        break;
      }
      for (const item of body.items) byRevision.set(item.revision, { data: item.data, hash: item.hash });
      cursor = body.nextCursor;
    } while (cursor);
    trails.set(streamId, byRevision);
  });
  let found = 0;
  for (const attempt of acked) {
    const { streamId, revision } = attempt.ack!;
    const event = trails.get(streamId)?.get(revision);
    const inLog = !!event && event.hash !== null && JSON.stringify(event.data).includes(`${nonce} ${attempt.tag}`);
    if (inLog && readModelOk.has(streamId)) found++;
    else problems.push(`LOST ${attempt.tag}: ${attempt.kind} acknowledged as ${streamId}@${revision}`);
  }
  log(`scan: ${streams.size} streams in the log, ${touched.size} touched by this run`);
  return { found, unacknowledgedPresent, problems };
}

/** Polls `GET /v1/admin/projections` until every active projection has lag 0; the wait in ms, or undefined. */
async function waitForProjections(get: (path: string) => Promise<{ status: number; body: any }>) {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const { status, body } = await get('/v1/admin/projections');
    const projections = (body?.projections ?? []) as { active: { lag: number } | null }[];
    if (status === 200 && projections.length > 0 && projections.every((p) => p.active?.lag === 0)) {
      return Date.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** Runs the CLI as an operator would (`npm run cli -- …`) on the data dir; never throws on a non-zero exit. */
export function runCli(dataDir: string, env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, DATA_DIR: dataDir, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
        timeout: 180_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
