import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { withStores } from '../cli-context';
import { applyListingPlan } from './apply-listing-plan';
import { CSL_PUBLISHER, mapCslRecords, readCslFile } from './csl.mapper';
import { emptyTally, formatSummary } from './import-result';
import { isoDay, startRun } from './import-run';
import { diffListings } from './listing-diff';
import { startProgress } from './progress';
import { loadListings } from './registry-state';

/** Options of `import csl`. */
export interface CslImportOptions {
  /** Removal date of listings absent from the snapshot; the import's day (UTC) when absent. */
  effective?: string;
  /** Listing date for rows without `start_date`. */
  defaultStartDate?: string;
  /** `false` (`--no-remove`): the file is partial, so add and amend only. */
  remove?: boolean;
}

/**
 * `import csl <file>`: the CSL publishes snapshots only, so the file is diffed against the registry's
 * CSL-sourced listings (`csl:` source ids) on the lists it contains, and the difference is issued as
 * add / amend / remove commands (no removals for a partial file: `--no-remove`, or one page of an API
 * search). Prints the summary; rejected rows do not fail the import.
 */
export async function importCsl(path: string, options: CslImportOptions): Promise<void> {
  const run = await startRun(path);
  const { records, partial } = readCslFile(run.text);
  const mapped = mapCslRecords(records, { file: run.file, defaultStartDate: options.defaultStartDate });
  const removes = options.remove !== false && !partial;
  if (partial && options.remove !== false) process.stderr.write(`${run.file} is ${partial}: nothing is removed\n`);
  const tally = emptyTally();
  tally.skipped = mapped.skipped;
  tally.rejected.push(...mapped.rejected);
  await withStores(async (context) => {
    const store = context.get<EventStorePort>(EVENT_STORE);
    const plan = diffListings(mapped.listings, await loadListings(store), {
      inScope: ({ facts }) => removes && mapped.lists.has(facts.list) && (facts.sourceId ?? '').startsWith('csl:'),
      keep: mapped.keep,
      effectiveOn: options.effective ?? isoDay(run.now),
      removal: ({ facts }) => ({
        at: `${facts.sourceId} (absent from the file)`,
        source: {
          citation: `${run.file}: no row for ${facts.sourceId}`,
          url: facts.source.url,
          publisher: CSL_PUBLISHER,
        },
        reason: `No longer on the Consolidated Screening List (snapshot ${run.file})`,
      }),
    });
    const progress = startProgress('csl', plan.operations.length);
    try {
      await applyListingPlan(store, run, plan, tally, progress);
    } finally {
      progress.stop();
    }
  });
  process.stdout.write(formatSummary('csl', tally));
}
