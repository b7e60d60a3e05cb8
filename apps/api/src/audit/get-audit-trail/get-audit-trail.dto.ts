import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';

/** Paging for the audit trail: larger pages than lists, since auditors read whole records. */
export class AuditTrailQueryDto extends AsOfQueryDto {
  /** Events per page, 1 to 500. */
  @ApiPropertyOptional({ type: 'integer', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
  /** `nextCursor` of the previous page of the same stream. */
  @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}
