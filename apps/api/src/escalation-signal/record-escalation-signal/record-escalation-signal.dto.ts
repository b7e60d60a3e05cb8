import { CAMEO_CODE_LIST, type CameoCode } from '@tracker/domain/shared/cameo';
import { ESCALATION_REGIONS, type EscalationRegion } from '@tracker/domain/escalation-signal/escalation-region';
import {
  ESCALATION_KINDS,
  type EscalationKind,
  type EscalationMetrics,
  type EscalationSignalFacts,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

/** A date-time with an explicit offset: a window without one has no defined local day. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const withOffset = (field: string) => ({
  message: `${field} must be an ISO 8601 date-time with an offset, e.g. 2024-05-24T06:00:00+08:00`,
});
const MAX_COUNT = 100_000;

/** Counts of a daily activity report; each a non-negative integer, all optional. */
export class EscalationMetricsDto implements EscalationMetrics {
  /** Aircraft detected, e.g. 49. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) aircraft?: number;
  /** Of those aircraft, how many crossed the median line or entered the ADIZ, e.g. 35. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) medianLineCrossings?: number;
  /** Navy vessels, e.g. 19. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) navyVessels?: number;
  /** Coast guard ("official") ships, e.g. 7. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) coastGuardVessels?: number;
  /** Balloons. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) balloons?: number;
}

/** Body of `POST /v1/escalation-signals`. */
export class RecordEscalationSignalDto implements Omit<EscalationSignalFacts, 'metrics'> {
  /** Where, e.g. `taiwan-strait`; also picks the time zone the signal is dated in. */
  @IsIn(ESCALATION_REGIONS) region!: EscalationRegion;
  /** What kind of activity, e.g. `air`, `exercise`. */
  @IsIn(ESCALATION_KINDS) kind!: EscalationKind;
  /** Start of the observation window, e.g. `2024-05-23T06:00:00+08:00`. */
  @Matches(DATE_TIME_WITH_OFFSET, withOffset('observedFrom'))
  @IsIsoDate()
  observedFrom!: string;
  /** End of the observation window; the signal is dated on this instant's local day. */
  @Matches(DATE_TIME_WITH_OFFSET, withOffset('observedTo'))
  @IsIsoDate()
  observedTo!: string;
  /** Counts, as the report gives them. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => EscalationMetricsDto) metrics?: EscalationMetricsDto;
  /** 1 (routine) to 5 (crisis). */
  @IsInt() @Min(1) @Max(5) severity!: number;
  /** CAMEO event code with a known Goldstein weight, e.g. `150` demonstrate military power. */
  @IsOptional()
  @IsIn(CAMEO_CODE_LIST, { message: 'cameoCode must be a CAMEO code with a known Goldstein weight, e.g. 150' })
  cameoCode?: CameoCode;
  /** What happened, in a sentence or two. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) summary?: string;
  /** Where the signal was reported. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
