import { runCrashRounds } from '@tracker/testing/crash/crash-harness';
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Long-form crash test: `--rounds 20 --writers 4 [--data-dir DIR] [--keep]`; exits 1 if anything is lost. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '20' },
      writers: { type: 'string', default: '4' },
      'data-dir': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  const writersPerRound = Number(values.writers);
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(writersPerRound) || writersPerRound < 1) {
    process.stderr.write('--rounds and --writers must be positive integers\n');
    return 2;
  }
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'tracker-crash-test-'));
  const started = Date.now();
  process.stdout.write(`crash test: ${rounds} rounds, ${writersPerRound} writers, data in ${dataDir}\n`);
  const report = await runCrashRounds({ rounds, writersPerRound, dataDir });
  process.stdout.write(`${report.ok ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (report.ok && !values.keep && !values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
  else process.stdout.write(`data kept in ${dataDir}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`crash test failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
