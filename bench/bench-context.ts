import type { BenchOptions } from './bench-options';

/** A target from issue 7: the figure must be at least (`>=`) or at most (`<=`) `value`. */
export interface Target {
  readonly op: '>=' | '<=';
  readonly value: number;
  /** When the target applies only at a size, e.g. 1M events; elsewhere the figure is shown for information. */
  readonly atSize?: number;
}

/** One measured figure, as printed and as written to `results.json`. */
export interface Figure {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: Target;
  /** PASS / MISS against `target`; `n/a` when the target is for another size or there is none. */
  readonly verdict?: 'PASS' | 'MISS' | 'n/a';
  readonly note?: string;
}

/** What every benchmark group gets from `bench.ts`. */
export interface BenchContext {
  readonly options: BenchOptions;
  /** Scratch folder of this run, removed at the end unless `--keep`. */
  readonly tmp: string;
  /** Runs `work` once per run for `key` (datasets, rebuilds and appends that several groups need). */
  memo<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Records a figure (with its verdict) for the table and `results.json`. */
  add(figure: Omit<Figure, 'verdict'>): void;
  /** Keeps raw details of a group for `results.json`. */
  detail(group: string, value: unknown): void;
  /** A progress line on stderr. */
  log(message: string): void;
}

/** PASS or MISS for `value` against `target` at the run's `size`. */
export function verdict(value: number, target: Target | undefined, size: number): Figure['verdict'] {
  if (!target || !Number.isFinite(value)) return 'n/a';
  if (target.atSize !== undefined && target.atSize !== size) return 'n/a';
  const ok = target.op === '>=' ? value >= target.value : value <= target.value;
  return ok ? 'PASS' : 'MISS';
}

/** Targets of issue 7, in one place. */
export const TARGETS = {
  append64: { op: '>=', value: 30_000 },
  emmettRatio64: { op: '>=', value: 5 },
  httpRatio: { op: '>=', value: 0.6 },
  rebuildSqlite: { op: '>=', value: 100_000 },
  rebuildPostgres: { op: '>=', value: 40_000 },
  timelineP99: { op: '<=', value: 10, atSize: 1_000_000 },
  rebuildRss: { op: '<=', value: 500, atSize: 1_000_000 },
  scalingRatio: { op: '<=', value: 1.5 },
} as const satisfies Record<string, Target>;
