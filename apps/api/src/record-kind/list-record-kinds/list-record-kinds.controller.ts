import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RECORD_KINDS } from '@tracker/domain/record-kinds';
import type { RecordKindsResponse } from './list-record-kinds.response';

/** `GET /v1/record-kinds`: the kinds the tracker records, from the record-kind manifest. */
@ApiTags('record-kinds')
@Controller('v1/record-kinds')
export class ListRecordKindsController {
  /** Every kind in the manifest's order, so clients need not keep their own list. */
  @Get()
  listRecordKinds(): RecordKindsResponse {
    return {
      items: RECORD_KINDS.map(({ kind, label, category, collection }) => ({ kind, label, category, collection })),
    };
  }
}
