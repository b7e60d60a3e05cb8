import type { AnnouncedListings, PolicyActionFacts } from '@tracker/domain/policy-action/policy-action.decider';
import { POLICY_ACTION_KINDS, POLICY_ACTION_STAGES } from '@tracker/domain/policy-action/policy-action.lifecycle';
import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  isISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';
import { ApiProperty } from '@nestjs/swagger';

const isCountryCounts = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(
    ([country, count]) =>
      /^[A-Z]{2}$/.test(country) && isISO31661Alpha2(country) && Number.isInteger(count) && (count as number) >= 0,
  );

/** Listings an export-control rule announces, counted when the names are not public yet. */
export class AnnouncedListingsDto implements AnnouncedListings {
  /** The list the rule adds to, e.g. `BIS_ENTITY_LIST`. */
  @IsIn(SANCTIONS_LISTS) list!: AnnouncedListings['list'];
  /** Entities added in all. */
  @IsInt() @Min(0) @Max(100_000) total!: number;
  /** Entities added per country, e.g. `{ "CN": 42 }`; keys ISO 3166-1 alpha-2 in upper case. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, example: { CN: 42 } })
  @ValidateBy({
    name: 'isCountryCounts',
    validator: {
      validate: isCountryCounts,
      defaultMessage: () => 'byCountry must map upper-case ISO 3166-1 alpha-2 codes to non-negative integers',
    },
  })
  byCountry!: Record<string, number>;
  /** Date (YYYY-MM-DD) the listings take effect. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveOn must be a date as YYYY-MM-DD' })
  @IsIsoDate()
  effectiveOn!: string;
}

/** Body of `POST /v1/policy-actions`. */
export class RecordPolicyActionDto implements PolicyActionFacts {
  /** Kind of action; decides which stages it goes through. */
  @IsIn(POLICY_ACTION_KINDS) kind!: PolicyActionFacts['kind'];
  /** Short title, e.g. "Section 301 investigation of China's shipbuilding sector". */
  @IsString() @IsNotEmpty() @MaxLength(500) title!: string;
  /** Who acts, e.g. `USTR`, `US Congress`. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  actors!: string[];
  /** The legal vehicle, e.g. `Section 301`, `H.R. 7521`, `Public Law 118-50`. */
  @IsString() @IsNotEmpty() @MaxLength(300) instrument!: string;
  /** Formal citation, e.g. "89 FR 27474". */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) citation?: string;
  /** Stage the action is recorded at; must be a first stage of its kind. */
  @IsIn(POLICY_ACTION_STAGES) stage!: PolicyActionFacts['stage'];
  /** ISO 8601 date or date-time at which that stage happened. */
  @IsIsoDate() occurredAt!: string;
  /** What the action does. */
  @IsOptional() @IsString() @MaxLength(20_000) summary?: string;
  /** Tariff rate, e.g. `25%`; tariffs only. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) rate?: string;
  /** Listing counts an export-control rule announces; export-control rules only. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AnnouncedListingsDto)
  announcedListings?: AnnouncedListingsDto;
  /** Where the action was published. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
