import { type ListingFacts, SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsObject,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

/** Body of `POST /v1/sanctioned-entities`. */
// Defaults are applied by the handler, not by initializers: mapped types (amendments) would inherit them.
export class AddSanctionedEntityDto implements Omit<ListingFacts, 'aliases' | 'programs' | 'addresses'> {
  /** Listed name as published. */
  @IsString() @IsNotEmpty() @MaxLength(500) name!: string;
  /** Other names the entity is known by. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  aliases?: string[];
  /** ISO 3166-1 alpha-2 country under which it is listed. */
  @IsISO31661Alpha2() country!: string;
  /** The list, e.g. `BIS_ENTITY_LIST`. */
  @IsIn(SANCTIONS_LISTS) list!: ListingFacts['list'];
  /** Sanctions programs, e.g. `EAR`, `RUSSIA-EO14024`. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  programs?: string[];
  /** Why it was listed. */
  @IsOptional() @IsString() @MaxLength(5000) reason?: string;
  /** Date (YYYY-MM-DD) the listing takes effect. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date as YYYY-MM-DD' })
  @IsIsoDate()
  effectiveFrom!: string;
  /** Federal Register citation, e.g. "88 FR 70352". */
  @IsOptional() @IsString() @MaxLength(200) federalRegisterCitation?: string;
  /** Published addresses. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  addresses?: string[];
  /** License requirement, e.g. "For all items subject to the EAR". */
  @IsOptional() @IsString() @MaxLength(1000) licenseRequirement?: string;
  /** License review policy, e.g. "Presumption of denial". */
  @IsOptional() @IsString() @MaxLength(1000) licensePolicy?: string;
  /** The source's own id for the entry (e.g. the screening list `_id`), used as its identity when present. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) sourceId?: string;
  /** Where the listing was published. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
