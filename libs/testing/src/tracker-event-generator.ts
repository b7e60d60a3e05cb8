import type { AnchorDefined } from '@tracker/domain/anchor/anchor.decider';
import type { DiplomaticEngagementRecorded } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import type { EscalationSignalRecorded } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { LIFECYCLES, type PolicyActionStage } from '@tracker/domain/policy-action/policy-action.lifecycle';
import type { PolicyActionAdvanced, PolicyActionRecorded } from '@tracker/domain/policy-action/policy-action.decider';
import type {
  SanctionedEntityAdded,
  SanctionedEntityAmended,
  SanctionedEntityRemoved,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { goldsteinWeight } from '@tracker/domain/shared/cameo';
import type {
  StatementCorrected,
  StatementRecorded,
  StatementRetracted,
} from '@tracker/domain/statement/statement.decider';
import { CURRENT_SCHEMA_VERSIONS } from '@tracker/domain/upcasting/upcast';

/** Every event the generator writes, each type-checked against the domain's own event shapes. */
export type GeneratedEvent =
  | StatementRecorded
  | StatementCorrected
  | StatementRetracted
  | SanctionedEntityAdded
  | SanctionedEntityAmended
  | SanctionedEntityRemoved
  | PolicyActionRecorded
  | PolicyActionAdvanced
  | EscalationSignalRecorded
  | DiplomaticEngagementRecorded
  | AnchorDefined;

/** Deterministic PRNG (mulberry32), so every run and every peer sees the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2018, 0, 1);
const DAYS = Math.floor((Date.UTC(2025, 5, 30) - EPOCH) / DAY_MS);
export const ANCHOR = { name: 'taiwan-inauguration-2024', date: '2024-05-20' };

const SPEAKERS = [
  ['Wang Yi', 'Foreign Minister', 'Ministry of Foreign Affairs of the PRC', 'CN'],
  ['Mao Ning', 'Spokesperson', 'Ministry of Foreign Affairs of the PRC', 'CN'],
  ['Antony Blinken', 'Secretary of State', 'U.S. Department of State', 'US'],
  ['Gina Raimondo', 'Secretary of Commerce', 'U.S. Department of Commerce', 'US'],
  ['Lai Ching-te', 'President', 'Office of the President', 'TW'],
  ['Wu Qian', 'Spokesperson', 'Ministry of National Defense of the PRC', 'CN'],
] as const;
const TOPICS = ['taiwan', 'export-controls', 'tariffs', 'semiconductors', 'south-china-sea', 'diplomacy', 'fentanyl'];
const STANCES = ['supportive', 'conciliatory', 'neutral', 'critical', 'hostile'] as const;
const LISTS = ['BIS_ENTITY_LIST', 'BIS_MEU', 'OFAC_SDN', 'OFAC_NS_CMIC', 'PRC_UNRELIABLE_ENTITY_LIST'] as const;
const COUNTRIES = ['CN', 'CN', 'CN', 'HK', 'RU', 'IR', 'US', 'AE'];
const KINDS = ['legislation', 'investigation', 'tariff', 'export-control-rule', 'sanctions-package', 'report', 'visit'];
const SOURCE = { url: 'https://www.federalregister.gov/', publisher: 'Federal Register' };
const TEXT =
  'The Taiwan question is at the very core of China’s core interests and the first red line that must not be crossed in China-US relations; ';

/** Open streams that may still receive follow-up events; bounded so memory stays flat at any size. */
class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;
  constructor(private readonly capacity: number) {}
  add(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next++ % this.capacity] = item;
  }
  pick(rand: () => number): T | undefined {
    return this.items.length === 0 ? undefined : this.items[Math.floor(rand() * this.items.length)];
  }
}

interface OpenStream {
  streamId: string;
  id: string;
  /** Revision of the last generated event. */
  revision: number;
  closed: boolean;
  kind?: string;
  reached?: PolicyActionStage[];
}

/** One generated event with the stream it goes to and the revision it will get there. */
export interface GeneratedRecord {
  readonly streamId: string;
  readonly revision: number;
  readonly event: GeneratedEvent;
  readonly schemaVersion: number;
}

/**
 * An endless, deterministic, realistic mix of tracker events: about 45% statements (with
 * corrections and retractions), 24% listings (adds, amendments, removals), 10% policy actions
 * advancing along their real lifecycles, 18% escalation signals, 3% engagements, one anchor.
 */
export class TrackerEventGenerator {
  private readonly rand: () => number;
  private count = 0;
  private readonly statements = new Ring<OpenStream>(2000);
  private readonly entities = new Ring<OpenStream>(2000);
  private readonly actions = new Ring<OpenStream>(1000);

  /**
   * `days` squeezes every date into that many days around the anchor: small logs then put many
   * records on one day, as a burst of reports does (what per-day sums must add up exactly).
   */
  constructor(
    seed = 20240520,
    private readonly options: { readonly days?: number } = {},
  ) {
    this.rand = random(seed);
  }

  next(): GeneratedRecord {
    if (this.count++ === 0) {
      const event: AnchorDefined = {
        type: 'AnchorDefined',
        data: { ...ANCHOR, title: 'Inauguration of Lai Ching-te', source: SOURCE },
      };
      return this.record(`anchor-${ANCHOR.name}`, 0, event);
    }
    const r = this.rand() * 100;
    if (r < 40) return this.statement();
    if (r < 44) return this.followStatement(false) ?? this.statement();
    if (r < 45) return this.followStatement(true) ?? this.statement();
    if (r < 61) return this.entity();
    if (r < 65) return this.followEntity(false) ?? this.entity();
    if (r < 69) return this.followEntity(true) ?? this.entity();
    if (r < 75) return this.action();
    if (r < 79) return this.advance() ?? this.action();
    if (r < 97) return this.signal();
    return this.engagement();
  }

  private record(streamId: string, revision: number, event: GeneratedEvent): GeneratedRecord {
    return { streamId, revision, event, schemaVersion: CURRENT_SCHEMA_VERSIONS[event.type] ?? 1 };
  }

  private id(): string {
    const hex = () =>
      Math.floor(this.rand() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    const h = hex() + hex() + hex() + hex();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  private day(from = 0, span = DAYS): string {
    if (this.options.days) [from, span] = [(Date.parse(ANCHOR.date) - EPOCH) / DAY_MS, this.options.days];
    return new Date(EPOCH + (from + Math.floor(this.rand() * span)) * DAY_MS).toISOString().slice(0, 10);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }

  private statement(): GeneratedRecord {
    const statementId = this.id();
    const [speaker, role, organization, country] = this.pick(SPEAKERS);
    const event: StatementRecorded = {
      type: 'StatementRecorded',
      data: {
        statementId,
        speaker,
        role,
        organization,
        country,
        audience: this.rand() < 0.9 ? 'public' : 'private',
        occurredAt: this.day(),
        text: TEXT.repeat(1 + Math.floor(this.rand() * 2)),
        topics: [this.pick(TOPICS), this.pick(TOPICS)].filter((t, i, all) => all.indexOf(t) === i),
        stance: this.pick(STANCES),
        cameoCode: this.pick(['010', '012', '111', '112', '036']),
        source: { url: 'https://www.fmprc.gov.cn/eng/', publisher: 'PRC Ministry of Foreign Affairs' },
      },
    };
    this.statements.add({ streamId: `statement-${statementId}`, id: statementId, revision: 0, closed: false });
    return this.record(`statement-${statementId}`, 0, event);
  }

  private followStatement(retract: boolean): GeneratedRecord | undefined {
    const open = this.statements.pick(this.rand);
    if (!open || open.closed) return undefined;
    open.revision += 1;
    open.closed = retract;
    const base = { statementId: open.id, reason: 'Transcript revised by the ministry', source: SOURCE };
    const event: StatementCorrected | StatementRetracted = retract
      ? { type: 'StatementRetracted', data: base }
      : { type: 'StatementCorrected', data: { ...base, changes: { stance: this.pick(STANCES) } } };
    return this.record(open.streamId, open.revision, event);
  }

  private entity(): GeneratedRecord {
    const entityId = this.id();
    const country = this.pick(COUNTRIES);
    const event: SanctionedEntityAdded = {
      type: 'SanctionedEntityAdded',
      data: {
        entityId,
        name: `Shenzhen Fixture Technology Co., Ltd. ${this.count}`,
        aliases: [`Fixture Tech ${this.count}`],
        country,
        list: this.pick(LISTS),
        programs: ['EAR'],
        reason: 'Supporting the military modernization of the PRC',
        effectiveFrom: this.day(),
        federalRegisterCitation: `89 FR ${10000 + (this.count % 90000)}`,
        addresses: ['Nanshan District, Shenzhen, Guangdong'],
        licenseRequirement: 'For all items subject to the EAR',
        licensePolicy: 'Presumption of denial',
        source: SOURCE,
      },
    };
    this.entities.add({ streamId: `sanctionedEntity-${entityId}`, id: entityId, revision: 0, closed: false });
    return this.record(`sanctionedEntity-${entityId}`, 0, event);
  }

  private followEntity(remove: boolean): GeneratedRecord | undefined {
    const open = this.entities.pick(this.rand);
    if (!open || open.closed) return undefined;
    open.revision += 1;
    open.closed = remove;
    const event: SanctionedEntityAmended | SanctionedEntityRemoved = remove
      ? { type: 'SanctionedEntityRemoved', data: { entityId: open.id, effectiveOn: this.day(), source: SOURCE } }
      : {
          type: 'SanctionedEntityAmended',
          data: { entityId: open.id, changes: { aliases: [`Alias ${this.count}`] }, source: SOURCE },
        };
    return this.record(open.streamId, open.revision, event);
  }

  private action(): GeneratedRecord {
    const policyActionId = this.id();
    const kind = this.pick(KINDS) as PolicyActionRecorded['data']['kind'];
    const stage = LIFECYCLES[kind].start[0];
    const occurredAt = this.day();
    const event: PolicyActionRecorded = {
      type: 'PolicyActionRecorded',
      data: {
        policyActionId,
        kind,
        title: `${kind} ${this.count}`,
        actors: ['U.S. Department of Commerce'],
        instrument: 'Federal Register notice',
        stage,
        occurredAt,
        source: SOURCE,
        ...(kind === 'export-control-rule'
          ? { announcedListings: { list: 'BIS_ENTITY_LIST', total: 12, byCountry: { CN: 9 }, effectiveOn: occurredAt } }
          : {}),
      },
    };
    const open = { streamId: `policyAction-${policyActionId}`, id: policyActionId, revision: 0, closed: false };
    this.actions.add({ ...open, kind, reached: [stage] });
    return this.record(open.streamId, 0, event);
  }

  private advance(): GeneratedRecord | undefined {
    const open = this.actions.pick(this.rand);
    if (!open || open.closed) return undefined;
    const kind = open.kind as PolicyActionAdvanced['data']['kind'];
    const reached = open.reached!;
    const lifecycle = LIFECYCLES[kind];
    const previousStage = reached[reached.length - 1];
    const options = (lifecycle.next[previousStage] ?? []).filter(
      (s) => !reached.includes(s) && (lifecycle.requires?.[s] ?? []).every((r) => reached.includes(r)),
    );
    if (options.length === 0) return ((open.closed = true), undefined);
    const stage = this.pick(options);
    reached.push(stage);
    open.revision += 1;
    const event: PolicyActionAdvanced = {
      type: 'PolicyActionAdvanced',
      data: { policyActionId: open.id, kind, previousStage, stage, occurredAt: this.day(), source: SOURCE },
    };
    return this.record(open.streamId, open.revision, event);
  }

  private signal(): GeneratedRecord {
    const signalId = this.id();
    // Two in three signals fall within a year of the anchor, as reporting clusters around crises.
    const near = this.rand() < 0.66;
    const day = near ? this.day(Math.floor((Date.parse(ANCHOR.date) - EPOCH) / DAY_MS) - 180, 365) : this.day();
    const cameoCode = this.pick(['150', '151', '152', '138', '111']) as EscalationSignalRecorded['data']['cameoCode'];
    const event: EscalationSignalRecorded = {
      type: 'EscalationSignalRecorded',
      data: {
        signalId,
        region: this.rand() < 0.8 ? 'taiwan-strait' : 'south-china-sea',
        kind: this.pick(['air', 'naval', 'coast-guard', 'exercise'] as const),
        observedFrom: `${day}T06:00:00+08:00`,
        observedTo: `${day}T23:00:00+08:00`,
        metrics: {
          aircraft: Math.floor(this.rand() * 40),
          medianLineCrossings: Math.floor(this.rand() * 20),
          navyVessels: Math.floor(this.rand() * 15),
          coastGuardVessels: Math.floor(this.rand() * 5),
          balloons: this.rand() < 0.1 ? 1 : 0,
        },
        severity: 1 + Math.floor(this.rand() * 5),
        cameoCode,
        goldstein: goldsteinWeight(cameoCode!),
        source: { url: 'https://www.mnd.gov.tw/', publisher: 'Taiwan Ministry of National Defense' },
      },
    };
    return this.record(`escalationSignal-${signalId}`, 0, event);
  }

  private engagement(): GeneratedRecord {
    const engagementId = this.id();
    const day = this.day();
    const event: DiplomaticEngagementRecorded = {
      type: 'DiplomaticEngagementRecorded',
      data: {
        engagementId,
        kind: 'meeting',
        title: 'Foreign ministers meet',
        participants: [
          { name: 'Wang Yi', role: 'Foreign Minister', country: 'CN' },
          { name: 'Antony Blinken', role: 'Secretary of State', country: 'US' },
        ],
        places: ['Beijing'],
        startsOn: day,
        endsOn: day,
        source: { url: 'https://www.state.gov/', publisher: 'U.S. Department of State' },
      },
    };
    return this.record(`diplomaticEngagement-${engagementId}`, 0, event);
  }
}
