import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { CorrectStatementCommand } from './correct-statement.command';
import { CorrectStatementDto } from './correct-statement.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/statements/:id/corrections`: a new event, never an edit. */
@ApiTags('statements')
@Controller('v1/statements/:id/corrections')
export class CorrectStatementController {
  constructor(private readonly commands: CommandBus) {}

  /** Corrects facts of a statement; `If-Match` guards against correcting a stale revision. */
  @ApiProblems({
    404: 'No statement has this id.',
    422: 'The statement was retracted (`statement-retracted`), or the corrected `occurredAt` lies in the future.',
  })
  @WriteRoute()
  correct(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CorrectStatementDto,
    @IfMatch() ifMatch: bigint | undefined,
    @Write() write: WriteRequest,
  ): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new CorrectStatementCommand(id, body, write.context, ifMatch)));
  }
}
