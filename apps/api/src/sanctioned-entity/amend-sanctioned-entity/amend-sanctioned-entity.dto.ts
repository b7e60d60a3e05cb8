import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { AddSanctionedEntityDto } from '../add-sanctioned-entity/add-sanctioned-entity.dto';

/** Details an amendment may change, validated as when added. */
export class ListingChangesDto extends PartialType(
  PickType(AddSanctionedEntityDto, [
    'aliases',
    'addresses',
    'programs',
    'federalRegisterCitation',
    'licenseRequirement',
    'licensePolicy',
    'reason',
  ] as const),
) {}

/** Body of `POST /v1/sanctioned-entities/:id/amendments`. */
export class AmendSanctionedEntityDto {
  /**
   * The changed details; at least one.
   * @example { "addresses": ["Room 1801, 18/F, Tower 2, Shenzhen, China"] }
   */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ListingChangesDto) changes!: ListingChangesDto;
  /**
   * Free note, e.g. which rule amended the entry.
   * @example "Address revised by 89 FR 51210"
   */
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
  /** Where the amendment was published. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
