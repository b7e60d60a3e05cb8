import { IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsIsoDate } from '../../http/iso-date';

/** Query string of `GET /v1/statements`. */
export class ListStatementsDto extends PageQueryDto {
  /** Exact speaker name, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) speaker?: string;
  /** One topic tag. */
  @IsOptional() @IsString() @MaxLength(100) topic?: string;
  /** Speaker's country, ISO 3166-1 alpha-2. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** Earliest `occurredAt`, inclusive. */
  @IsOptional() @IsIsoDate() from?: string;
  /** Latest `occurredAt` date, inclusive. */
  @IsOptional() @IsIsoDate() to?: string;
}
