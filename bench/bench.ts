import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { appendGroup } from './append.bench';
import { type BenchContext, type Figure, verdict } from './bench-context';
import { type Group, parseOptions } from './bench-options';
import { emmettGroup } from './emmett.bench';
import { httpGroup } from './http.bench';
import { machineInfo } from './machine-info';
import { queriesGroup } from './queries.bench';
import { projectionsGroup, rebuildGroup } from './rebuild.bench';
import { formatTable } from './results-table';
import { scalingGroup } from './scaling.bench';

const RUNNERS: Record<Group, (ctx: BenchContext) => Promise<void>> = {
  append: appendGroup,
  emmett: emmettGroup,
  http: httpGroup,
  rebuild: rebuildGroup,
  projections: projectionsGroup,
  queries: queriesGroup,
  scaling: scalingGroup,
};

/** `npm run bench`: every figure of issue 7 measured side by side in one run; see bench/README.md. */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const memos = new Map<string, Promise<unknown>>();
  const started = new Date();
  const loadBefore = loadavg()[0];
  const ctx: BenchContext = {
    options,
    tmp,
    memo: <T>(key: string, work: () => Promise<T>) => {
      if (!memos.has(key)) memos.set(key, work());
      return memos.get(key) as Promise<T>;
    },
    add: (figure) => figures.push({ ...figure, verdict: verdict(figure.value, figure.target, options.size) }),
    detail: (group, value) => (details[group] = value),
    log: (message) => process.stderr.write(`[${((Date.now() - started.getTime()) / 1000).toFixed(0)}s] ${message}\n`),
  };
  const failures: string[] = [];
  try {
    for (const group of options.only) {
      try {
        await RUNNERS[group](ctx);
      } catch (error) {
        failures.push(`${group}: ${error instanceof Error ? error.message : String(error)}`);
        ctx.log(`${group} FAILED: ${failures[failures.length - 1]}`);
      }
    }
  } finally {
    if (options.keep) ctx.log(`scratch folder kept: ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const machine = await machineInfo(options.postgresUrl);
  const table = formatTable(figures);
  const results = {
    issue: 7,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    options: { ...options, postgresUrl: undefined },
    machine,
    /** 1-minute load average before and after: other work on the machine makes every figure noisier. */
    load: { before: loadBefore, after: loadavg()[0] },
    figures,
    failures,
    details,
  };
  // Formatted as `npm run lint` (prettier --check .) expects, so a fresh results.json can be committed as is.
  const file = join(__dirname, 'results.json');
  writeFileSync(file, await format(JSON.stringify(results), { ...(await resolveConfig(file)), filepath: file }));
  console.log(
    `\n${machine.cpuModel} × ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; ` +
      `load ${results.load.before.toFixed(2)} → ${results.load.after.toFixed(2)}; ` +
      `--size ${options.sizeLabel}; ${started.toISOString()}; ${results.seconds} s\n`,
  );
  console.log(table);
  const missed = figures.filter((f) => f.verdict === 'MISS').length;
  console.log(
    `\n${figures.filter((f) => f.verdict === 'PASS').length} targets met, ${missed} missed; bench/results.json written`,
  );
  if (failures.length > 0) {
    console.error(`\n${failures.length} group(s) failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
