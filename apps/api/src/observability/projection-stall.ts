import type { ProjectionProgress } from './projection-lag';

/** How long a projection may make no progress before readiness fails. */
export interface StallLimits {
  /** Longest a serving generation that is behind (lag > 0) may go without its checkpoint moving. */
  readonly noProgressMs: number;
}

/** Default: a minute without progress while behind is stuck. */
export const DEFAULT_STALL_LIMITS: StallLimits = { noProgressMs: 60_000 };

/** One projection's verdict, for the readiness report. */
export interface StallVerdict extends ProjectionProgress {
  readonly stalled: boolean;
  /** Serving, but without the events it parked: shown, and no reason to take the replica out of service. */
  readonly degraded: boolean;
  readonly reason?: string;
}

interface Track {
  checkpoint: bigint | undefined;
  progressAt: number;
}

/**
 * Decides from successive observations (one per readiness probe) whether projections are
 * stalled: behind the head with a checkpoint that has not moved for `noProgressMs`. A loop
 * that retries (a poison event waiting to be parked, an outage) is stalled only by that rule:
 * a failure is contained where it happens, so parked events make a projection `degraded`,
 * never the replica unready. Progress is judged by the checkpoint, not by the lag shrinking:
 * under a steady write load the lag of a healthy projection can hold or grow. Times are
 * measured between observations, so they are as fine as the probe interval.
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
      this.tracks.set(key, track);
      return { ...p, degraded: p.parked > 0, ...this.verdict(p, track, now) };
    });
    for (const key of this.tracks.keys()) if (!seen.has(key)) this.tracks.delete(key);
    return verdicts;
  }

  private verdict(p: ProjectionProgress, track: Track, now: number): { stalled: boolean; reason?: string } {
    if (p.lag > 0 && now - track.progressAt > this.limits.noProgressMs) {
      const seconds = Math.round((now - track.progressAt) / 1000);
      const error = p.state === 'retrying' && p.lastError ? `: ${p.lastError}` : '';
      return { stalled: true, reason: `checkpoint has not moved for ${seconds} s with lag ${p.lag}${error}` };
    }
    return { stalled: false };
  }
}
