import type { ListingChanges, ListingFacts } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { normalizeEntityName, sanctionedEntityId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import type { Source } from '@tracker/domain/shared/source';
import type { RejectedRow, RowRef } from './import-result';

/** A listing as a file states it, keyed by the source's own id. */
export interface IncomingListing extends RowRef {
  readonly facts: ListingFacts & { sourceId: string };
}

/** A listing as the event log knows it now. */
export interface CurrentListing {
  readonly entityId: string;
  readonly revision: bigint;
  readonly status: 'listed' | 'removed';
  readonly facts: ListingFacts;
}

/** One command to issue; `revision` is the stream revision it was planned against (part of its idempotency key). */
export type ListingOperation = RowRef & { readonly entityId: string; readonly revision: string } & (
    | { readonly kind: 'add'; readonly facts: ListingFacts }
    | { readonly kind: 'amend'; readonly changes: ListingChanges; readonly source: Source }
    | { readonly kind: 'remove'; readonly effectiveOn: string; readonly source: Source; readonly reason: string }
  );

/** What bringing the registry in line with a file takes. */
export interface ListingPlan {
  operations: ListingOperation[];
  unchanged: number;
  rejected: RejectedRow[];
}

/** How far the file speaks for the registry. */
export interface DiffScope {
  /** Current listings the file is authoritative for: those in scope but not in the file are removed. */
  readonly inScope: (listing: CurrentListing) => boolean;
  /** Entity ids of rows that were rejected: absent from `incoming`, but not to be removed for that. */
  readonly keep: ReadonlySet<string>;
  readonly effectiveOn: string;
  /** Source (and reason) cited by the removal of a listing absent from the file. */
  readonly removal: (listing: CurrentListing) => { at: string; source: Source; reason: string };
}

/** Entity id of an incoming listing: list plus the source's own id, as the API derives it. */
export const incomingEntityId = ({ facts }: IncomingListing) => sanctionedEntityId(facts);

/**
 * Compares a file with the registry: new listings are added (and removed ones relisted), changed
 * details amended (only the changed fields), listings in scope but absent removed, the rest left alone.
 * Identity (name, country) cannot be amended, so a row that renames a listing is rejected for review.
 */
export function diffListings(
  incoming: readonly IncomingListing[],
  current: ReadonlyMap<string, CurrentListing>,
  scope: DiffScope,
): ListingPlan {
  const plan: ListingPlan = { operations: [], unchanged: 0, rejected: [] };
  const seen = new Map<string, IncomingListing>();
  for (const row of incoming) {
    const entityId = incomingEntityId(row);
    const first = seen.get(entityId);
    if (first) {
      plan.rejected.push({
        at: row.at,
        order: row.order,
        reason: `duplicate of ${first.at} (same list and source id)`,
      });
      continue;
    }
    seen.set(entityId, row);
    const was = current.get(entityId);
    const ref = { at: row.at, order: row.order, entityId, revision: String(was?.revision ?? 'none') };
    if (!was || was.status === 'removed') {
      plan.operations.push({ ...ref, kind: 'add', facts: row.facts });
      continue;
    }
    const identity = identityConflict(was.facts, row.facts);
    if (identity) {
      plan.rejected.push({ at: row.at, order: row.order, reason: identity });
      continue;
    }
    const changes = listingChanges(was.facts, row.facts);
    if (Object.keys(changes).length === 0) plan.unchanged++;
    else plan.operations.push({ ...ref, kind: 'amend', changes, source: row.facts.source });
  }
  for (const listing of current.values()) {
    if (listing.status !== 'listed' || seen.has(listing.entityId) || scope.keep.has(listing.entityId)) continue;
    if (!scope.inScope(listing)) continue;
    const { at, source, reason } = scope.removal(listing);
    plan.operations.push({
      at,
      order: Number.MAX_SAFE_INTEGER,
      entityId: listing.entityId,
      revision: String(listing.revision),
      kind: 'remove',
      effectiveOn: scope.effectiveOn,
      source,
      reason,
    });
  }
  return plan;
}

const LIST_FIELDS = ['aliases', 'addresses', 'programs'] as const;
const TEXT_FIELDS = ['federalRegisterCitation', 'licenseRequirement', 'licensePolicy'] as const;

/**
 * The amendable details in which `next` differs from `was`. Lists compare as sets (a reordered
 * cell is no change); a text the file no longer states becomes `''`, so the registry shows the source.
 */
export function listingChanges(was: ListingFacts, next: ListingFacts): ListingChanges {
  const changes: ListingChanges = {};
  for (const field of LIST_FIELDS) {
    const [a, b] = [[...new Set(was[field])].sort(), [...new Set(next[field])].sort()];
    if (a.length !== b.length || a.some((value, i) => value !== b[i])) changes[field] = next[field];
  }
  for (const field of TEXT_FIELDS) {
    if ((was[field] ?? '') !== (next[field] ?? '')) changes[field] = next[field] ?? '';
  }
  return changes;
}

function identityConflict(was: ListingFacts, next: ListingFacts): string | undefined {
  if (normalizeEntityName(was.name) !== normalizeEntityName(next.name)) {
    return `name "${next.name}" differs from the listed "${was.name}"; a listing's name cannot be amended`;
  }
  if (was.country !== next.country) {
    return `country ${next.country} differs from the listed ${was.country}; a listing's country cannot be amended`;
  }
  return undefined;
}
