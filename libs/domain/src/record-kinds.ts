import { anchorDecider } from './anchor/anchor.decider';
import { diplomaticEngagementDecider } from './diplomatic-engagement/diplomatic-engagement.decider';
import { escalationSignalDecider } from './escalation-signal/escalation-signal.decider';
import { policyActionDecider } from './policy-action/policy-action.decider';
import { sanctionedEntityDecider } from './sanctioned-entity/sanctioned-entity.decider';
import type { Decider } from './shared/decider';
import { statementDecider } from './statement/statement.decider';

/** What the domain declares of one kind of record; everything that lists kinds is derived from these. */
export interface RecordKindDeclaration {
  /** The kind's name in URLs' records, feed items and folders: singular kebab-case. */
  readonly kind: string;
  /** Stream category: every stream of the kind is `<category>-<id>` (design rule 4). */
  readonly category: string;
  /** How people call one record of the kind, e.g. in the dashboard's feed. */
  readonly label: string;
  /** The collection's name in routes (`/v1/<collection>`) and read models: plural kebab-case. */
  readonly collection: string;
  /** Its decider; its `schemaVersions` name the kind's event types and their current versions. */
  readonly decider: { readonly schemaVersions: Readonly<Record<string, number>> };
}

/**
 * The record-kind manifest of the domain: one entry per kind. The event union, the schema-version
 * table, stream categories and the kinds the feed and dashboard know are derived from it; the
 * read-model side adds each kind's projections in `libs/read-models/src/record-kinds.ts`.
 */
export const RECORD_KINDS = [
  { kind: 'statement', category: 'statement', label: 'Statement', collection: 'statements', decider: statementDecider },
  {
    kind: 'sanctioned-entity',
    category: 'sanctionedEntity',
    label: 'Listing',
    collection: 'sanctioned-entities',
    decider: sanctionedEntityDecider,
  },
  {
    kind: 'policy-action',
    category: 'policyAction',
    label: 'Policy action',
    collection: 'policy-actions',
    decider: policyActionDecider,
  },
  {
    kind: 'escalation-signal',
    category: 'escalationSignal',
    label: 'Escalation',
    collection: 'escalation-signals',
    decider: escalationSignalDecider,
  },
  {
    kind: 'diplomatic-engagement',
    category: 'diplomaticEngagement',
    label: 'Diplomacy',
    collection: 'diplomatic-engagements',
    decider: diplomaticEngagementDecider,
  },
  { kind: 'anchor', category: 'anchor', label: 'Key date', collection: 'anchors', decider: anchorDecider },
] as const satisfies readonly RecordKindDeclaration[];

type Declared = (typeof RECORD_KINDS)[number];

/** The name of a kind of record: `'statement' | 'sanctioned-entity' | …`. */
export type RecordKind = Declared['kind'];

/** The events of one decider. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches a decider of any command and state
export type EventOf<D> = D extends Decider<any, infer E, any> ? E : never;

/** The events of kind `K`. */
export type EventOfKind<K extends RecordKind> = EventOf<Extract<Declared, { kind: K }>['decider']>;

/** Every event of every kind. */
export type KindEvent = EventOf<Declared['decider']>;

/** Every kind's name, in manifest order. */
export const KIND_NAMES: readonly RecordKind[] = RECORD_KINDS.map((k) => k.kind);

const KIND_OF_TYPE = new Map<string, RecordKind>(
  RECORD_KINDS.flatMap((k) => Object.keys(k.decider.schemaVersions).map((type) => [type, k.kind] as const)),
);

/** The kind an event type belongs to; `undefined` for a type no decider emits. */
export function kindOfEventType(type: string): RecordKind | undefined {
  return KIND_OF_TYPE.get(type);
}
