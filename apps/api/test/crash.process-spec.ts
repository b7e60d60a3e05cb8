import { runCrashRounds } from '@tracker/testing/crash/crash-harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('durability: SIGKILL mid-traffic, round after round', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tracker-crash-rounds-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged write, half-writes nothing, and the log still verifies and replays', async () => {
    const lines: string[] = [];
    const report = await runCrashRounds({ rounds: 3, writersPerRound: 4, dataDir, log: (line) => lines.push(line) });
    expect({ lost: report.lost, problems: report.problems, lines }).toEqual({ lost: 0, problems: [], lines });
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.found).toBe(report.acknowledged);
    expect(report.verify.code).toBe(0);
    expect(report.replay.code).toBe(0);
    expect(report.replay.stdout).toMatch(/(\d+) of \1 projections equal a replay from position 0/);
  }, 90_000);
});
