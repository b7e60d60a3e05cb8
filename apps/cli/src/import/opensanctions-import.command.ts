import { sanctionedEntityId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { withStores } from '../cli-context';
import { applyListingPlan } from './apply-listing-plan';
import { emptyTally, formatSummary, type ImportTally } from './import-result';
import { isoDay, startRun } from './import-run';
import { type CurrentListing, diffListings, type ListingPlan } from './listing-diff';
import { type FtmLine, mapFtmEntity, OPENSANCTIONS_PUBLISHER, readFtmLines } from './opensanctions.mapper';
import { startProgress } from './progress';
import { loadListings } from './registry-state';

/** Options of `import opensanctions`. */
export interface OpenSanctionsImportOptions {
  /** Removal date (deleted entities, listings absent from an entities file); the import's day (UTC) when absent. */
  effective?: string;
  /** `false` (`--no-remove`): an entities file is partial, so add and amend only. */
  remove?: boolean;
}

/**
 * `import opensanctions <file>`: an entities file (FtM JSON lines) is a snapshot, diffed like the CSL
 * against `os:` listings on the lists it contains; a delta file applies each entity's last op
 * (`ADD`/`MOD` bring its listings in line with the entity, `DEL` removes them).
 */
export async function importOpenSanctions(path: string, options: OpenSanctionsImportOptions): Promise<void> {
  const run = await startRun(path);
  const { lines, problems } = readFtmLines(run.text);
  const tally = emptyTally();
  tally.rejected.push(...problems);
  const how: PlanOptions = {
    file: run.file,
    remove: options.remove !== false,
    effectiveOn: options.effective ?? isoDay(run.now),
    removalSource: (listing, at) => ({
      citation: `${run.file} ${at}`,
      url: listing.facts.source.url,
      publisher: OPENSANCTIONS_PUBLISHER,
    }),
  };
  await withStores(async (context) => {
    const store = context.get<EventStorePort>(EVENT_STORE);
    const current = await loadListings(store);
    const isDelta = lines.some((line) => line.op !== undefined);
    const plan = isDelta ? planDelta(lines, current, tally, how) : planSnapshot(lines, current, tally, how);
    const progress = startProgress('opensanctions', plan.operations.length);
    try {
      await applyListingPlan(store, run, plan, tally, progress);
    } finally {
      progress.stop();
    }
  });
  process.stdout.write(formatSummary('opensanctions', tally));
}

interface PlanOptions {
  file: string;
  remove: boolean;
  effectiveOn: string;
  removalSource: (listing: CurrentListing, at: string) => CurrentListing['facts']['source'];
}

function planSnapshot(
  lines: FtmLine[],
  current: Map<string, CurrentListing>,
  tally: ImportTally,
  { file, remove, effectiveOn, removalSource }: PlanOptions,
): ListingPlan {
  const incoming = [];
  const lists = new Set<string>();
  const keep = new Set<string>();
  for (const line of lines) {
    const mapped = mapFtmEntity(line, file);
    if (mapped.kind === 'skipped') tally.skipped++;
    else if (mapped.kind === 'rejected') {
      tally.rejected.push({ at: line.at, order: line.order, reason: mapped.reason });
      for (const list of mapped.lists) {
        lists.add(list);
        keep.add(sanctionedEntityId({ list, country: '', name: '', sourceId: `os:${line.entity.id}` }));
      }
    } else {
      for (const listing of mapped.listings) lists.add(listing.facts.list);
      incoming.push(...mapped.listings);
    }
  }
  return diffListings(incoming, current, {
    inScope: ({ facts }) => remove && lists.has(facts.list) && (facts.sourceId ?? '').startsWith('os:'),
    keep,
    effectiveOn,
    removal: (listing) => ({
      at: `${listing.facts.sourceId} (absent from the file)`,
      source: removalSource(listing, `has no entity ${listing.facts.sourceId?.slice(3)}`),
      reason: 'No longer in the OpenSanctions export',
    }),
  });
}

function planDelta(
  lines: FtmLine[],
  current: Map<string, CurrentListing>,
  tally: ImportTally,
  { file, effectiveOn, removalSource }: PlanOptions,
): ListingPlan {
  const plan: ListingPlan = { operations: [], unchanged: 0, rejected: [] };
  const lastOp = new Map<string, FtmLine>();
  const known = new Set([...current.values()].map((listing) => listing.facts.sourceId));
  for (const line of lines) {
    if (line.op) lastOp.set(line.entity.id, line);
    else tally.rejected.push({ at: line.at, order: line.order, reason: 'an entity without "op" in a delta file' });
  }
  for (const line of lastOp.values()) {
    const sourceId = `os:${line.entity.id}`;
    const mapped = line.op === 'DEL' ? ({ kind: 'skipped' } as const) : mapFtmEntity(line, file);
    if (mapped.kind === 'rejected') {
      plan.rejected.push({ at: line.at, order: line.order, reason: mapped.reason });
      continue;
    }
    const part = diffListings(mapped.kind === 'listings' ? mapped.listings : [], current, {
      inScope: ({ facts }) => facts.sourceId === sourceId,
      keep: new Set(),
      effectiveOn,
      removal: (listing) => ({
        at: line.at,
        source: removalSource(listing, line.at),
        reason: line.op === 'DEL' ? 'Deleted from OpenSanctions' : 'No longer in a dataset the tracker keeps',
      }),
    });
    plan.operations.push(...part.operations);
    plan.rejected.push(...part.rejected);
    plan.unchanged += part.unchanged;
    const nothing = part.operations.length + part.unchanged + part.rejected.length === 0;
    if (nothing && known.has(sourceId)) plan.unchanged++;
    else if (nothing) tally.skipped++;
  }
  return plan;
}
