import { startAppProcess } from '@tracker/testing/app-process';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomBytes, randomInt } from 'node:crypto';
import { type Attempt, checkAfterCrashes, runCli } from './crash-checks';

/** Options of `runCrashRounds`; `env` and `headers` let a caller pass e.g. an API key once auth is on. */
export interface CrashOptions {
  rounds: number;
  writersPerRound: number;
  dataDir: string;
  log?: (line: string) => void;
  /** SIGKILL lands this many milliseconds (uniformly random in the range) after the writers start. */
  killAfterMs?: [min: number, max: number];
  env?: Record<string, string>;
  headers?: Record<string, string>;
}

/** What the crash rounds proved; `ok` is false when anything acknowledged is missing or a check failed. */
export interface CrashReport {
  rounds: number;
  acknowledged: number;
  found: number;
  lost: number;
  unacknowledged: number;
  unacknowledgedPresent: number;
  rejected: number;
  problems: string[];
  verify: { code: number; stdout: string };
  replay: { code: number; stdout: string };
  ok: boolean;
  summary: string;
}

interface RecordRef {
  kind: 'statement' | 'entity';
  id: string;
}

const source = { url: 'https://example.org/crash-test', publisher: 'Crash harness' };

/** The request for one attempt: a new record, or a change to a record acknowledged earlier. */
function pickWrite(mark: string, pool: RecordRef[]): { kind: Attempt['kind']; path: string; body: unknown } {
  const roll = Math.random();
  const target = pool.length > 0 && roll >= 0.6 ? pool[randomInt(pool.length)] : undefined;
  if (target?.kind === 'statement') {
    const changes = { text: `Corrected transcript ${mark}.` };
    return {
      kind: 'correction',
      path: `/v1/statements/${target.id}/corrections`,
      body: { changes, reason: mark, source },
    };
  }
  if (target?.kind === 'entity') {
    const changes = { aliases: [`Alias ${mark}`] };
    return {
      kind: 'amendment',
      path: `/v1/sanctioned-entities/${target.id}/amendments`,
      body: { changes, note: mark, source },
    };
  }
  if (roll < 0.35) {
    return {
      kind: 'statement',
      path: '/v1/statements',
      body: statementBody({ speaker: `Crash ${mark}`, text: `Said ${mark}.` }),
    };
  }
  return { kind: 'entity', path: '/v1/sanctioned-entities', body: entityBody({ name: `Crash ${mark} Trading Co` }) };
}

/** Writes one request after another until `stopped()`; a request cut by the SIGKILL stays `unacknowledged`. */
async function writerLoop(
  url: string,
  tagPrefix: string,
  nonce: string,
  round: number,
  shared: { pool: RecordRef[]; attempts: Attempt[]; headers: Record<string, string>; stopped: () => boolean },
): Promise<void> {
  for (let n = 0; !shared.stopped(); n++) {
    const tag = `${tagPrefix}n${n}`;
    const { kind, path, body } = pickWrite(`${nonce} ${tag}`, shared.pool);
    const attempt: Attempt = { tag, kind, round, outcome: 'unacknowledged' };
    shared.attempts.push(attempt);
    try {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...shared.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      attempt.status = response.status;
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) {
        const { id, streamId, revision } = JSON.parse(text) as { id: string; streamId: string; revision: number };
        attempt.ack = { id, streamId, revision };
        attempt.outcome = 'acknowledged';
        if (kind === 'statement' || kind === 'entity') shared.pool.push({ kind, id });
      } else if (response.status >= 400 && response.status < 500) {
        attempt.outcome = 'rejected';
      }
    } catch {
      // Connection reset or body cut short by the SIGKILL: no acknowledgement reached the client.
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (attempts: Attempt[], outcome: Attempt['outcome']) =>
  attempts.filter((a) => a.outcome === outcome).length;

/** Kills the API mid-traffic round after round, then proves no acknowledged write was lost or half-written. */
export async function runCrashRounds(options: CrashOptions): Promise<CrashReport> {
  const { rounds, writersPerRound, dataDir, headers = {} } = options;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const [minKill, maxKill] = options.killAfterMs ?? [100, 1500];
  // Thousands of requests from one address are the point here, not something to throttle.
  const env = { RATE_LIMIT_PER_MINUTE: '0', ...options.env, DATA_DIR: dataDir };
  const nonce = randomBytes(4).toString('hex');
  const attempts: Attempt[] = [];
  const pool: RecordRef[] = [];

  for (let round = 1; round <= rounds; round++) {
    const startedAt = Date.now();
    const app = await startAppProcess('api', env);
    const startupMs = Date.now() - startedAt;
    const before = attempts.length;
    let stopped = false;
    const shared = { pool, attempts, headers, stopped: () => stopped };
    const writers = Array.from({ length: writersPerRound }, (_, w) =>
      writerLoop(app.url, `r${round}w${w}`, nonce, round, shared),
    );
    const killAfter = randomInt(minKill, maxKill + 1);
    await sleep(killAfter);
    stopped = true;
    await app.kill('SIGKILL');
    await Promise.all(writers);
    const mine = attempts.slice(before);
    log(
      `round ${round}/${rounds}: ${mine.length} writes, ${count(mine, 'acknowledged')} acknowledged, ` +
        `${count(mine, 'rejected')} rejected, ${count(mine, 'unacknowledged')} unacknowledged; ` +
        `SIGKILL after ${killAfter} ms (startup ${startupMs} ms, exit ${app.child.signalCode})`,
    );
  }

  const app = await startAppProcess('api', env);
  const checked = await checkAfterCrashes({ url: app.url, dataDir, nonce, attempts, headers, log }).finally(() =>
    app.kill('SIGTERM'),
  );
  const verify = await runCli(dataDir, env, 'audit', 'verify');
  const replay = await runCli(dataDir, env, 'audit', 'replay', '--compare');
  log(`audit verify: exit ${verify.code}, ${lastLine(verify.stdout)}`);
  log(`audit replay --compare: exit ${replay.code}, ${lastLine(replay.stdout)}`);
  const problems = [...checked.problems];
  if (verify.code !== 0) problems.push(`audit verify exited ${verify.code}:\n${verify.stdout}${verify.stderr}`);
  if (replay.code !== 0)
    problems.push(`audit replay --compare exited ${replay.code}:\n${replay.stdout}${replay.stderr}`);
  for (const problem of problems.slice(0, 20)) log(`problem: ${problem}`);

  const acknowledged = count(attempts, 'acknowledged');
  const report: CrashReport = {
    rounds,
    acknowledged,
    found: checked.found,
    lost: acknowledged - checked.found,
    unacknowledged: count(attempts, 'unacknowledged'),
    unacknowledgedPresent: checked.unacknowledgedPresent,
    rejected: count(attempts, 'rejected'),
    problems,
    verify: { code: verify.code, stdout: verify.stdout },
    replay: { code: replay.code, stdout: replay.stdout },
    ok: false,
    summary: '',
  };
  report.ok = report.lost === 0 && problems.length === 0;
  report.summary =
    `crash: rounds ${rounds}, acknowledged ${acknowledged}, found ${report.found}, ` +
    `lost ${report.lost}, unacknowledged-present ${report.unacknowledgedPresent}`;
  const kinds = ['statement', 'entity', 'correction', 'amendment'] as const;
  const byKind = kinds.map((k) => `${k} ${attempts.filter((a) => a.kind === k && a.ack).length}`).join(', ');
  log(`acknowledged by kind: ${byKind}`);
  log(
    `checks: ${report.unacknowledged} unacknowledged (${report.unacknowledgedPresent} present), ` +
      `${report.rejected} rejected, ${problems.length} problems`,
  );
  log(report.summary);
  return report;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
