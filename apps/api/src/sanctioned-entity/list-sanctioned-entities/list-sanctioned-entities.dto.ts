import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

/** Query string of `GET /v1/sanctioned-entities`. */
export class ListSanctionedEntitiesDto extends PageQueryDto {
  /** One list, e.g. `BIS_ENTITY_LIST`. */
  @IsOptional() @IsIn(SANCTIONS_LISTS) list?: string;
  /** ISO 3166-1 alpha-2 country. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** Text that a name or alias contains, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  /** `listed` (default), `removed` or `any`. */
  @IsOptional() @IsIn(['listed', 'removed', 'any']) status?: 'listed' | 'removed' | 'any';
}
