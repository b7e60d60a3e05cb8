import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

/** Body of `POST /v1/sanctioned-entities/:id/removal`. */
export class RemoveSanctionedEntityDto {
  /**
   * Date (YYYY-MM-DD) from which the entity is off the list.
   * @example "2024-06-12"
   */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveOn must be a date as YYYY-MM-DD' })
  @IsIsoDate()
  effectiveOn!: string;
  /** Federal Register citation of the removal. */
  @IsOptional() @IsString() @MaxLength(200) federalRegisterCitation?: string;
  /** Why it was removed. */
  @IsOptional() @IsString() @MaxLength(5000) reason?: string;
  /** Where the removal was published. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
