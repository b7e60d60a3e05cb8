import type { ProjectionProgress } from './projection-lag';
import { ProjectionStallDetector } from './projection-stall';

const progress = (overrides: Partial<ProjectionProgress> = {}): ProjectionProgress => ({
  name: 'statements',
  generation: 1,
  state: 'running',
  checkpoint: 10n,
  lag: 0,
  parked: 0,
  ...overrides,
});

describe('ProjectionStallDetector', () => {
  let clock: number;
  let detector: ProjectionStallDetector;
  const at = (ms: number, observed: ProjectionProgress) => {
    clock = ms;
    return detector.observe([observed])[0];
  };

  beforeEach(() => {
    clock = 0;
    detector = new ProjectionStallDetector({ noProgressMs: 60_000 }, () => clock);
  });

  it('given a caught-up projection, it is never stalled however long nothing happens', () => {
    at(0, progress());
    expect(at(600_000, progress()).stalled).toBe(false);
  });

  it('given a caught-up projection retrying however long, it is not stalled: nothing waits on it', () => {
    at(0, progress({ state: 'retrying', lastError: 'disk full' }));
    expect(at(600_000, progress({ state: 'retrying', lastError: 'disk full' })).stalled).toBe(false);
  });

  it('given a projection retrying while behind without progress for over a minute, it is stalled with the last error', () => {
    at(0, progress({ state: 'retrying', lastError: 'disk full', lag: 3 }));
    expect(at(60_000, progress({ state: 'retrying', lastError: 'disk full', lag: 3 })).stalled).toBe(false);
    expect(at(61_000, progress({ state: 'retrying', lastError: 'disk full', lag: 4 }))).toMatchObject({
      stalled: true,
      reason: 'checkpoint has not moved for 61 s with lag 4: disk full',
    });
  });

  it('given a projection with parked events that keeps up, it is degraded but not stalled', () => {
    at(0, progress({ parked: 1 }));
    expect(at(600_000, progress({ parked: 1 }))).toMatchObject({ stalled: false, degraded: true });
    expect(at(600_001, progress())).toMatchObject({ stalled: false, degraded: false });
  });

  it('given a projection behind the head whose checkpoint does not move for over a minute, it is stalled', () => {
    at(0, progress({ lag: 5 }));
    expect(at(60_000, progress({ lag: 5 })).stalled).toBe(false);
    expect(at(61_000, progress({ lag: 7 }))).toMatchObject({
      stalled: true,
      reason: 'checkpoint has not moved for 61 s with lag 7',
    });
  });

  it('given a projection behind the head whose checkpoint keeps moving, it is not stalled even if the lag grows', () => {
    at(0, progress({ lag: 5, checkpoint: 10n }));
    at(50_000, progress({ lag: 8, checkpoint: 20n }));
    expect(at(100_000, progress({ lag: 12, checkpoint: 30n })).stalled).toBe(false);
  });

  it('given a new generation (a rebuild switched in), it is judged from its own first observation', () => {
    at(0, progress({ lag: 5 }));
    expect(at(90_000, progress({ generation: 2, lag: 5 })).stalled).toBe(false);
  });
});
