import { CONFIDENCE_GRADES, type Source } from '@tracker/domain/shared/source';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';

/** A record's source: a URL or a citation (or both), who published it, and how reliable it is. */
export class SourceDto implements Source {
  /** Link to the document; required when there is no citation. */
  @ValidateIf((s: SourceDto) => s.citation === undefined || s.url !== undefined)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  url?: string;
  /** Formal citation, e.g. "88 FR 70352"; required when there is no URL. */
  @ValidateIf((s: SourceDto) => s.url === undefined || s.citation !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  citation?: string;
  /** Who published it, e.g. "Federal Register". */
  @IsString() @IsNotEmpty() @MaxLength(200) publisher!: string;
  /** How far the analyst trusts the report. */
  @IsOptional() @IsIn(CONFIDENCE_GRADES) confidence?: Source['confidence'];
}
