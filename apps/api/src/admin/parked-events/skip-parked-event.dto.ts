import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /v1/admin/projections/:name/parked/:position/skip`. */
export class SkipParkedEventDto {
  /**
   * Why the event is left out of the read model (kept with the operator's name).
   * @example "Written by a buggy importer; superseded by a corrected record"
   */
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
