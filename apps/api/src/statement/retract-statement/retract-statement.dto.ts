import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SourceDto } from '../../http/source.dto';

/** Body of `POST /v1/statements/:id/retraction`. */
export class RetractStatementDto {
  /**
   * Why the statement is withdrawn.
   * @example "misattributed: said by the spokesperson, not the minister"
   */
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  /** What shows it should be withdrawn. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
