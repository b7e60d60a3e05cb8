import {
  type EscalationSignalFacts,
  escalationSignalDecider,
  escalationSignalStreamId,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { StreamNotFoundError } from '@tracker/event-store/event-store.errors';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { deterministicId } from '@tracker/commands/command-context';
import { handleCommand } from '@tracker/commands/handle-command';
import { withStores } from '../cli-context';
import { emptyTally, formatSummary } from './import-result';
import { commandContext, rejectionReason, startRun } from './import-run';
import { mapMndCsv, type MndReport } from './mnd.mapper';
import { startProgress } from './progress';

/**
 * One signal per (region, report date), whoever imports it and from whichever file: derived without
 * the actor (unlike `newRecordId`), so a second import, by anyone, meets the existing stream.
 */
export const mndSignalId = (report: Pick<MndReport, 'date' | 'facts'>) =>
  deterministicId('escalationSignal', 'mnd', report.facts.region, report.date);

/**
 * `import mnd <file>`: each day's counts become an escalation signal through the escalation-signal
 * decider. A day already recorded with the same counts is unchanged; with other counts it is
 * rejected (signals are not amended), so a corrected report is visible rather than silently merged.
 */
export async function importMnd(path: string): Promise<void> {
  const run = await startRun(path);
  const { reports, rejected } = mapMndCsv(run.text, run.file);
  const tally = emptyTally();
  tally.rejected.push(...rejected);
  await withStores(async (context) => {
    const store = context.get<EventStorePort>(EVENT_STORE);
    const progress = startProgress('mnd', reports.length);
    const seen = new Map<string, string>();
    try {
      for (const report of reports) {
        const reject = (reason: string) => tally.rejected.push({ at: report.at, order: report.order, reason });
        const signalId = mndSignalId(report);
        const duplicate = seen.get(signalId);
        seen.set(signalId, duplicate ?? report.at);
        const recorded = duplicate ? undefined : await recordedFacts(store, escalationSignalStreamId(signalId));
        if (duplicate) reject(`duplicate of ${duplicate} (same date)`);
        else if (recorded) {
          const differences = differingCounts(recorded, report.facts);
          if (differences.length === 0) tally.unchanged++;
          else
            reject(
              `${report.date} is already recorded with other counts (${differences.join(', ')}); signals are not amended`,
            );
        } else {
          try {
            await handleCommand(
              store,
              escalationSignalStreamId(signalId),
              escalationSignalDecider,
              { type: 'RecordEscalationSignal', data: { ...report.facts, signalId }, now: run.now },
              commandContext(run, `mnd:${report.facts.region}:${report.date}`),
            );
            tally.added++;
          } catch (error) {
            const reason = rejectionReason(error);
            if (reason === undefined) throw error;
            reject(reason);
          }
        }
        progress.tick();
      }
    } finally {
      progress.stop();
    }
  });
  process.stdout.write(formatSummary('mnd', tally));
}

async function recordedFacts(store: EventStorePort, streamId: string): Promise<EscalationSignalFacts | undefined> {
  try {
    for await (const event of store.readStream(streamId, { maxCount: 1 })) {
      return event.data as unknown as EscalationSignalFacts;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return undefined;
}

/** Counts, severity and kind that differ, as `aircraft 49 → 50`. */
function differingCounts(was: EscalationSignalFacts, next: EscalationSignalFacts): string[] {
  const shown = (facts: EscalationSignalFacts): Record<string, unknown> => ({
    ...facts.metrics,
    severity: facts.severity,
    kind: facts.kind,
  });
  const [before, after] = [shown(was), shown(next)];
  const value = (v: unknown) => (v === undefined ? 'not reported' : String(v));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name} ${value(before[name])} → ${value(after[name])}`);
}
