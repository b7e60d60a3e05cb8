import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RECORD_KINDS } from '@tracker/domain/record-kinds';

/** One kind of record, as clients such as the dashboard show it. */
export class RecordKindView {
  /** The kind's name, as feed items and filters give it (e.g. `sanctioned-entity`). */
  kind!: string;
  /** How one record of the kind is called (e.g. `Listing`). */
  label!: string;
  /** Stream category: the kind's records are the streams `<category>-<id>`. */
  category!: string;
  /** Where its records are listed and recorded: `/v1/<collection>`. */
  collection!: string;
}

/** `GET /v1/record-kinds`: the kinds the tracker records, from the record-kind manifest. */
@ApiTags('record-kinds')
@Controller('v1/record-kinds')
export class ListRecordKindsController {
  /** Every kind in the manifest's order, so clients need not keep their own list. */
  @Get()
  listRecordKinds(): { items: RecordKindView[] } {
    return {
      items: RECORD_KINDS.map(({ kind, label, category, collection }) => ({ kind, label, category, collection })),
    };
  }
}
