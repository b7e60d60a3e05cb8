import type { ListingFacts, SanctionsList } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { isRecordDate } from '@tracker/domain/shared/calendar-date';
import { type RowRef, rowRef } from './import-result';
import type { IncomingListing } from './listing-diff';
import { compact, distinct, listingProblem } from './listing-validation';

/** Publisher named in the source of every event an OpenSanctions import writes. */
export const OPENSANCTIONS_PUBLISHER = 'OpenSanctions';

/** OpenSanctions datasets the tracker keeps, and our list for each; entities of other datasets are skipped. */
export const OPENSANCTIONS_DATASETS: Readonly<Record<string, SanctionsList>> = {
  us_bis_entity: 'BIS_ENTITY_LIST',
  us_bis_meu: 'BIS_MEU',
  us_ofac_sdn: 'OFAC_SDN',
  us_ofac_cmic: 'OFAC_NS_CMIC',
};

/** FollowTheMoney schemata that can be listed; addresses, sanctions, ownerships and the like are skipped. */
const LISTABLE_SCHEMATA = new Set(['Company', 'Organization', 'LegalEntity', 'Person']);

/** A FollowTheMoney entity as OpenSanctions exports it. */
export interface FtmEntity {
  id: string;
  schema?: string;
  caption?: string;
  properties?: Record<string, string[] | undefined>;
  datasets?: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
  target?: boolean;
}

/** One line of an entities file (`op` absent) or a delta file (`ADD`, `MOD`, `DEL`). */
export interface FtmLine extends RowRef {
  readonly op?: 'ADD' | 'MOD' | 'DEL';
  readonly entity: FtmEntity;
}

/** Parses JSON lines; a line that is not an entity (or a delta op on one) is returned as a problem. */
export function readFtmLines(text: string): { lines: FtmLine[]; problems: (RowRef & { reason: string })[] } {
  const lines: FtmLine[] = [];
  const problems: (RowRef & { reason: string })[] = [];
  text.split('\n').forEach((raw, i) => {
    const ref = rowRef('line', i + 1);
    if (raw.trim() === '') return;
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      problems.push({ ...ref, reason: 'not valid JSON' });
      return;
    }
    const isDelta = 'op' in json;
    const entity = (isDelta ? json.entity : json) as FtmEntity | undefined;
    if (isDelta && !['ADD', 'MOD', 'DEL'].includes(json.op as string)) {
      problems.push({ ...ref, reason: `unknown delta op ${JSON.stringify(json.op)} (ADD, MOD or DEL)` });
    } else if (!entity || typeof entity !== 'object' || typeof entity.id !== 'string' || entity.id === '') {
      problems.push({ ...ref, reason: 'no entity id' });
    } else lines.push({ ...ref, op: isDelta ? (json.op as FtmLine['op']) : undefined, entity });
  });
  return { lines, problems };
}

/** What one entity maps to: a listing per kept dataset, or why it was skipped or rejected. */
export type FtmMapping =
  | { kind: 'listings'; listings: IncomingListing[] }
  | { kind: 'skipped' }
  | { kind: 'rejected'; reason: string; lists: SanctionsList[] };

/**
 * Maps an entity to one listing per kept dataset, keyed `os:<id>`. `name` (first value; the others
 * become aliases), `alias`, `country` (else jurisdiction, nationality, citizenship; upper-cased),
 * `address`, `program` (else `topics`), and `createdAt` (else the day of `first_seen`) as the listing date.
 */
export function mapFtmEntity(line: FtmLine, file: string): FtmMapping {
  const { entity } = line;
  const lists = distinct((entity.datasets ?? []).map((d) => OPENSANCTIONS_DATASETS[d] ?? '')) as SanctionsList[];
  if (!LISTABLE_SCHEMATA.has(entity.schema ?? '') || entity.target === false || lists.length === 0) {
    return { kind: 'skipped' };
  }
  const p = (name: string) => distinct(entity.properties?.[name] ?? []);
  const [name = entity.caption ?? '', ...otherNames] = p('name');
  const country = [...p('country'), ...p('jurisdiction'), ...p('nationality'), ...p('citizenship')][0];
  const effectiveFrom = [...p('createdAt'), entity.first_seen?.slice(0, 10) ?? ''].find((date) => isRecordDate(date));
  if (!effectiveFrom) {
    return { kind: 'rejected', reason: 'neither createdAt nor first_seen gives a listing date', lists };
  }
  const programs = p('program');
  const base = {
    name,
    aliases: distinct([...otherNames, ...p('alias')]),
    country: country?.toUpperCase() ?? '',
    programs: programs.length > 0 ? programs : p('topics'),
    effectiveFrom,
    addresses: p('address'),
    sourceId: `os:${entity.id}`,
    source: {
      citation: `${file} ${line.at}`,
      url: `https://www.opensanctions.org/entities/${encodeURIComponent(entity.id)}/`,
      publisher: OPENSANCTIONS_PUBLISHER,
    },
  };
  const listings = lists.map((list) => ({
    at: line.at,
    order: line.order,
    facts: compact({ ...base, list } satisfies ListingFacts),
  }));
  const problem = listingProblem(listings[0].facts);
  return problem ? { kind: 'rejected', reason: problem, lists } : { kind: 'listings', listings };
}
