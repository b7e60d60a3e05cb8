import { decodeCursor } from '@tracker/read-models/pagination';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AsOfQueryDto } from './as-of-query.dto';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';

/** Cursor pagination parameters shared by every list. */
export class PageQueryDto extends AsOfQueryDto {
  /** Items per page, 1 to 200. */
  @ApiPropertyOptional({ type: 'integer', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @ValidateBy({
    name: 'isCursor',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && decodeCursor(value) !== undefined,
      defaultMessage: () => 'cursor must be a nextCursor returned by this API',
    },
  })
  cursor?: string;
}
