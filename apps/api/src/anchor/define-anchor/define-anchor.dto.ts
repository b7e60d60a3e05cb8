import { ANCHOR_NAME, type AnchorFacts } from '@tracker/domain/anchor/anchor.decider';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

/** Body of `POST /v1/anchors`. */
export class DefineAnchorDto implements AnchorFacts {
  /** Lower-case slug, unique, e.g. `taiwan-inauguration-2024`; it names the stream and the timeline's `anchor`. */
  @IsString()
  @MaxLength(100)
  @Matches(ANCHOR_NAME, { message: 'name must be a lower-case slug such as taiwan-inauguration-2024' })
  name!: string;
  /** The key date, `YYYY-MM-DD`. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date as YYYY-MM-DD' })
  @IsIsoDate()
  date!: string;
  /** Human title, e.g. "Inauguration of Lai Ching-te". */
  @IsString() @IsNotEmpty() @MaxLength(300) title!: string;
  /** Why the date matters. */
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  /** Where the date is documented. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
