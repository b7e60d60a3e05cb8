import {
  type DiplomaticEngagementFacts,
  ENGAGEMENT_KINDS,
  type Participant,
} from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One participant of an engagement. */
export class ParticipantDto implements Participant {
  /** Full name, e.g. "Wang Yi". */
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  /** Office, e.g. "Foreign Minister". */
  @IsOptional() @IsString() @MaxLength(200) role?: string;
  /** ISO 3166-1 alpha-2 code of the country they represent. */
  @IsISO31661Alpha2() country!: string;
}

/** Body of `POST /v1/diplomatic-engagements`. */
export class RecordDiplomaticEngagementDto implements DiplomaticEngagementFacts {
  /** `visit`, `call` or `meeting`. */
  @IsIn(ENGAGEMENT_KINDS) kind!: DiplomaticEngagementFacts['kind'];
  /** Short title, e.g. "Secretary Blinken's travel to China". */
  @IsString() @IsNotEmpty() @MaxLength(500) title!: string;
  /** Who took part: at least two, or at least the visitor for a visit. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];
  /** Cities or venues, e.g. "Beijing"; none for a call. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  places: string[] = [];
  /** First day, YYYY-MM-DD. */
  @Matches(DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsIsoDate()
  startsOn!: string;
  /** Last day, YYYY-MM-DD, not before `startsOn`. */
  @Matches(DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsIsoDate()
  endsOn!: string;
  /** What was discussed or agreed. */
  @IsOptional() @IsString() @MaxLength(20_000) summary?: string;
  /** Where the engagement was reported. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
