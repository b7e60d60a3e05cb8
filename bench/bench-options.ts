/** Every benchmark group, in the order a full run measures them. */
export const GROUPS = ['append', 'emmett', 'http', 'rebuild', 'projections', 'queries', 'scaling'] as const;
export type Group = (typeof GROUPS)[number];

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Events in the rebuild/queries data set; `scaling` runs every size up to it. */
  readonly size: number;
  readonly sizeLabel: string;
  readonly only: readonly Group[];
  /** Appends per writer-count run (stopped earlier by `appendBudgetMs`). */
  readonly appendCount: number;
  readonly appendBudgetMs: number;
  /** Runs per append figure (ours and Emmett's); the median is reported. */
  readonly repeat: number;
  /** Seconds of load per HTTP target (after a 2 s warm-up). */
  readonly httpSeconds: number;
  readonly connections: number;
  /** Requests per query, after 50 warm-up requests. */
  readonly queryRequests: number;
  /** Keep the scratch folder (data sets, read models) after the run. */
  readonly keep: boolean;
  readonly postgresUrl: string;
}

const USAGE = `usage: npm run bench -- [--size 10k|100k|1m] [--only ${GROUPS.join('|')}]...
  [--append-count N] [--append-budget-s S] [--repeat N] [--http-seconds S] [--connections N] [--query-requests N] [--keep]`;

const KNOWN = [
  '--size',
  '--only',
  '--append-count',
  '--append-budget-s',
  '--http-seconds',
  '--connections',
  '--query-requests',
  '--repeat',
];

/** Parses `argv` (without node and script); throws with the usage text on a bad flag. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep' || arg === '--help') {
      flags.add(arg);
      continue;
    }
    const [name, inline] = arg.split('=', 2);
    const value = inline ?? argv[++i];
    if (!name.startsWith('--') || value === undefined) throw new Error(`bad argument ${arg}\n${USAGE}`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  if (flags.has('--help')) throw new Error(USAGE);
  for (const name of values.keys()) {
    if (!KNOWN.includes(name)) throw new Error(`unknown flag ${name}\n${USAGE}`);
  }
  const one = (name: string) => values.get(name)?.at(-1);
  const sizeLabel = (one('--size') ?? '100k').toLowerCase();
  if (!(sizeLabel in SIZES)) throw new Error(`--size must be 10k, 100k or 1m\n${USAGE}`);
  const only = (values.get('--only') ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of only) if (!GROUPS.includes(name as Group)) throw new Error(`unknown group ${name}\n${USAGE}`);
  const number = (name: string, fallback: number) => {
    const raw = one(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number\n${USAGE}`);
    return value;
  };
  return {
    size: SIZES[sizeLabel],
    sizeLabel,
    only: only.length > 0 ? GROUPS.filter((g) => only.includes(g)) : [...GROUPS],
    appendCount: number('--append-count', 20_000),
    appendBudgetMs: number('--append-budget-s', 20) * 1000,
    repeat: Math.round(number('--repeat', 3)),
    httpSeconds: number('--http-seconds', 10),
    connections: number('--connections', 50),
    queryRequests: number('--query-requests', 500),
    keep: flags.has('--keep'),
    postgresUrl: env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test',
  };
}

/** Sizes `scaling` measures: 10k, 100k and 1M, up to `size`. */
export const scalingSizes = (size: number) => Object.values(SIZES).filter((s) => s <= size);

/** `10k`, `100k`, `1m` for a size. */
export const sizeName = (size: number) => Object.entries(SIZES).find(([, s]) => s === size)?.[0] ?? String(size);
