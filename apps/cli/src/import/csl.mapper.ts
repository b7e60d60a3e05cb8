import type { ListingFacts, SanctionsList } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { sanctionedEntityId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import { readCsv } from './csv-records';
import { type RejectedRow, type RowRef, rowRef } from './import-result';
import type { IncomingListing } from './listing-diff';
import { compact, distinct, listingProblem } from './listing-validation';

/** Publisher named in the source of every event a CSL import writes. */
export const CSL_PUBLISHER = 'International Trade Administration (Consolidated Screening List)';

/** CSL `source` values the tracker keeps, with our list and the short code used in source ids. */
export const CSL_SOURCES: Readonly<Record<string, { list: SanctionsList; code: string }>> = {
  'Entity List (EL) - Bureau of Industry and Security': { list: 'BIS_ENTITY_LIST', code: 'EL' },
  'Military End User (MEU) List - Bureau of Industry and Security': { list: 'BIS_MEU', code: 'MEU' },
  'Specially Designated Nationals (SDN) - Treasury Department': { list: 'OFAC_SDN', code: 'SDN' },
  'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department': {
    list: 'OFAC_NS_CMIC',
    code: 'CMIC',
  },
};

/** One CSL entry: a CSV row (cells as text) or an API result (arrays and address objects). */
export interface CslRecord extends RowRef {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly problem?: string;
}

/** Listings a file states, what could not be used, and which lists it speaks for. */
export interface MappedListings {
  listings: IncomingListing[];
  rejected: RejectedRow[];
  skipped: number;
  /** Lists with at least one row in the file (usable or not): the diff's scope. */
  lists: Set<SanctionsList>;
  /** Entity ids of rejected rows whose key was readable: they stay listed. */
  keep: Set<string>;
}

/**
 * CSV download (`_id, source, …`) or trade.gov API JSON (`{ results: […] }` or an array), told apart by
 * content. An API answer whose `total` exceeds its `results` is one page of a search, not a snapshot.
 */
export function readCslFile(text: string): { records: CslRecord[]; partial?: string } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = JSON.parse(trimmed) as unknown;
    const { results, total } = (Array.isArray(json) ? { results: json } : json) as {
      results?: unknown;
      total?: unknown;
    };
    if (!Array.isArray(results)) throw new Error('CSL JSON must be an array or an object with a "results" array');
    const records = results.map((fields: unknown, i) => ({
      ...rowRef('record', i + 1),
      fields: (fields ?? {}) as Record<string, unknown>,
    }));
    const page = typeof total === 'number' && total > results.length;
    return { records, partial: page ? `one page of a search (${results.length} of ${total} results)` : undefined };
  }
  const { header, records } = readCsv(text);
  if (!header.includes('source') || !header.includes('name')) {
    throw new Error('not a Consolidated Screening List CSV: the header has no "source" and "name" columns');
  }
  return { records: records.map(({ values, problem, ...ref }) => ({ ...ref, fields: values, problem })) };
}

/** Options of a CSL import. */
export interface CslOptions {
  /** Citation prefix, normally the file's base name. */
  readonly file: string;
  /** Effective date for rows without `start_date` (the SDN part of the CSL often has none); else they are rejected. */
  readonly defaultStartDate?: string;
}

/** Maps CSL rows to listings: `source` → list, `_id` → source id, `; `-separated cells → lists. */
export function mapCslRecords(records: readonly CslRecord[], options: CslOptions): MappedListings {
  const mapped: MappedListings = { listings: [], rejected: [], skipped: 0, lists: new Set(), keep: new Set() };
  for (const record of records) {
    const f = record.fields;
    const known = CSL_SOURCES[text(f.source) ?? ''];
    if (!known) {
      mapped.skipped++;
      continue;
    }
    mapped.lists.add(known.list);
    const reject = (reason: string) => mapped.rejected.push({ at: record.at, order: record.order, reason });
    const id = text(f._id) ?? text(f.id);
    if (!id) {
      reject('_id is empty: the row cannot be matched with later snapshots');
      continue;
    }
    const sourceId = `csl:${known.code}:${id}`;
    const { facts, problem } = cslFacts(record, known.list, sourceId, options);
    const reason = record.problem ?? problem ?? listingProblem(facts);
    if (reason) {
      mapped.keep.add(sanctionedEntityId({ list: known.list, country: '', name: '', sourceId }));
      reject(reason);
    } else mapped.listings.push({ at: record.at, order: record.order, facts });
  }
  return mapped;
}

function cslFacts(record: CslRecord, list: SanctionsList, sourceId: string, options: CslOptions) {
  const f = record.fields;
  const addresses = values(f.addresses);
  const country = [
    ...addresses.map((a) => a.country),
    ...values(f.nationalities).map((v) => v.text),
    ...values(f.citizenships).map((v) => v.text),
  ].find((c) => c !== undefined);
  const effectiveFrom = text(f.start_date) ?? options.defaultStartDate;
  const facts: ListingFacts & { sourceId: string } = compact({
    name: text(f.name) ?? '',
    aliases: distinct(values(f.alt_names).map((v) => v.text)),
    country: country?.toUpperCase() ?? '',
    list,
    programs: distinct(values(f.programs).map((v) => v.text)),
    effectiveFrom: effectiveFrom ?? '',
    federalRegisterCitation: text(f.federal_register_notice),
    addresses: distinct(addresses.map((a) => a.text)),
    licenseRequirement: text(f.license_requirement),
    licensePolicy: text(f.license_policy),
    sourceId,
    source: compact({
      citation: `${options.file} ${record.at}`,
      url: text(f.source_list_url) ?? text(f.source_information_url),
      publisher: CSL_PUBLISHER,
    }),
  });
  const problem = effectiveFrom ? undefined : 'start_date is empty (pass --default-start-date to date such rows)';
  return { facts, problem };
}

/** A trimmed, non-empty string cell, or `undefined`. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Values of a multi-valued field: a CSV cell split on `; `, or a JSON array whose items are strings or
 * address objects (`address, city, state, postal_code, country`). A CSV address ends in its country code.
 */
function values(value: unknown): { text: string; country?: string }[] {
  const items = Array.isArray(value) ? value : (text(value)?.split('; ') ?? []);
  return items.flatMap((item: unknown) => {
    if (item && typeof item === 'object') {
      const a = item as Record<string, unknown>;
      const parts = [a.address, a.city, a.state, a.postal_code, a.country].map(text).filter((p) => p !== undefined);
      return parts.length ? [{ text: parts.join(', '), country: text(a.country) }] : [];
    }
    const cell = text(item);
    if (!cell) return [];
    const last = cell.split(',').pop()?.trim() ?? '';
    return [{ text: cell, country: /^[A-Za-z]{2}$/.test(last) ? last : undefined }];
  });
}
