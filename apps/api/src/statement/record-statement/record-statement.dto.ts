import { CAMEO_CODE_LIST } from '@tracker/domain/shared/cameo';
import { AUDIENCES, STANCES, type StatementFacts } from '@tracker/domain/statement/statement.decider';
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
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

/** Body of `POST /v1/statements`. */
// Defaults are applied by the handler, not by initializers: mapped types (corrections) would inherit them.
export class RecordStatementDto implements Omit<StatementFacts, 'topics'> {
  /** Who spoke, e.g. "Wang Yi". */
  @IsString() @IsNotEmpty() @MaxLength(200) speaker!: string;
  /** Speaker's office, e.g. "Foreign Minister". */
  @IsOptional() @IsString() @MaxLength(200) role?: string;
  /** Speaker's organisation, e.g. "Ministry of Foreign Affairs". */
  @IsOptional() @IsString() @MaxLength(200) organization?: string;
  /** ISO 3166-1 alpha-2 code of the speaker's country. */
  @IsISO31661Alpha2() country!: string;
  /** Whether it was said in public or reported from a private meeting. */
  @IsIn(AUDIENCES) audience!: StatementFacts['audience'];
  /** ISO 8601 date or date-time at which it was said. */
  @IsIsoDate() occurredAt!: string;
  /** The words, or a summary of them. */
  @IsString() @IsNotEmpty() @MaxLength(20_000) text!: string;
  /** Free topic tags, e.g. "taiwan", "russia-support". */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics?: string[];
  /** Leaning of the statement. */
  @IsOptional() @IsIn(STANCES) stance?: StatementFacts['stance'];
  /** CAMEO event code with a known Goldstein weight, e.g. `010` make statement, `111` criticize. */
  @IsOptional()
  @IsIn(CAMEO_CODE_LIST, { message: 'cameoCode must be a CAMEO code with a known Goldstein weight, e.g. 111' })
  cameoCode?: string;
  /** Where the statement was reported. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
