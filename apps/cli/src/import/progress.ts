import { Presets, SingleBar } from 'cli-progress';

/** Advances as commands are applied; silent unless stdout is a terminal. */
export interface Progress {
  tick(): void;
  stop(): void;
}

/** A progress bar on an interactive terminal, nothing when output is piped or captured (tests, CI, scripts). */
export function startProgress(label: string, total: number): Progress {
  if (!process.stdout.isTTY || total === 0) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream: process.stdout, clearOnComplete: true, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
