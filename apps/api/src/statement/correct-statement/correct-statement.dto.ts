import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { RecordStatementDto } from '../record-statement/record-statement.dto';

/** Facts a correction may replace: any of the recorded ones, each validated as when recorded. */
export class StatementChangesDto extends PartialType(OmitType(RecordStatementDto, ['source'] as const)) {}

/** Body of `POST /v1/statements/:id/corrections`. */
export class CorrectStatementDto {
  /**
   * The corrected facts; at least one.
   * @example { "stance": "critical" }
   */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => StatementChangesDto) changes!: StatementChangesDto;
  /**
   * Why the record is corrected.
   * @example "The transcript of the ministry words it as a warning, not a threat."
   */
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  /** Where the corrected facts come from. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
