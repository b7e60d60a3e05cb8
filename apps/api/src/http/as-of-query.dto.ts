import { IsOptional } from 'class-validator';
import { IsIsoDate } from './iso-date';

/** `asOf`: answer as the system knew it at this recorded time (ISO 8601). Every GET accepts it. */
export class AsOfQueryDto {
  /** Recorded-time cut-off, e.g. `2024-05-21T00:00:00Z`. */
  @IsOptional() @IsIsoDate() asOf?: string;
}
