import type { ProjectionProgress } from './projection-lag';

/** How long a projection may misbehave before readiness fails. */
export interface StallLimits {
  /** Longest a serving generation's loop may stay `retrying`. */
  readonly retryingMs: number;
  /** Longest a serving generation that is behind (lag > 0) may go without its checkpoint moving. */
  readonly noProgressMs: number;
}

/** Defaults: a failing loop retries every second, so 30 s is many failed attempts; a minute without progress while behind is stuck. */
export const DEFAULT_STALL_LIMITS: StallLimits = { retryingMs: 30_000, noProgressMs: 60_000 };

/** One projection's verdict, for the readiness report. */
export interface StallVerdict extends ProjectionProgress {
  readonly stalled: boolean;
  readonly reason?: string;
}

interface Track {
  retryingSince?: number;
  checkpoint: bigint | undefined;
  progressAt: number;
}

/**
 * Decides from successive observations (one per readiness probe) whether projections are
 * stalled: `retrying` for longer than `retryingMs`, or behind the head with a checkpoint that
 * has not moved for `noProgressMs`. Progress is judged by the checkpoint, not by the lag
 * shrinking: under a steady write load the lag of a healthy projection can hold or grow.
 * Times are measured between observations, so they are as fine as the probe interval.
 */
export class ProjectionStallDetector {
  private readonly tracks = new Map<string, Track>();

  constructor(
    private readonly limits: StallLimits = DEFAULT_STALL_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `progress` and returns a verdict per projection; forgets generations no longer observed. */
  observe(progress: readonly ProjectionProgress[]): StallVerdict[] {
    const now = this.now();
    const seen = new Set<string>();
    const verdicts = progress.map((p) => {
      const key = `${p.name}#${p.generation}`;
      seen.add(key);
      const track = this.tracks.get(key) ?? { checkpoint: p.checkpoint, progressAt: now };
      if (p.checkpoint !== track.checkpoint || p.lag === 0) {
        track.checkpoint = p.checkpoint;
        track.progressAt = now;
      }
      track.retryingSince = p.state === 'retrying' ? (track.retryingSince ?? now) : undefined;
      this.tracks.set(key, track);
      return { ...p, ...this.verdict(p, track, now) };
    });
    for (const key of this.tracks.keys()) if (!seen.has(key)) this.tracks.delete(key);
    return verdicts;
  }

  private verdict(p: ProjectionProgress, track: Track, now: number): { stalled: boolean; reason?: string } {
    if (track.retryingSince !== undefined && now - track.retryingSince > this.limits.retryingMs) {
      const seconds = Math.round((now - track.retryingSince) / 1000);
      return { stalled: true, reason: `retrying for ${seconds} s: ${p.lastError ?? 'unknown error'}` };
    }
    if (p.lag > 0 && now - track.progressAt > this.limits.noProgressMs) {
      const seconds = Math.round((now - track.progressAt) / 1000);
      return { stalled: true, reason: `checkpoint has not moved for ${seconds} s with lag ${p.lag}` };
    }
    return { stalled: false };
  }
}
