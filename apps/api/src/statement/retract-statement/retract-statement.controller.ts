import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { RetractStatementCommand } from './retract-statement.command';
import { RetractStatementDto } from './retract-statement.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/statements/:id/retraction`: a new event, never a deletion. */
@ApiTags('statements')
@Controller('v1/statements/:id/retraction')
export class RetractStatementController {
  constructor(private readonly commands: CommandBus) {}

  /** Retracts a statement: it leaves lists and timelines and stays in the audit trail. */
  @ApiProblems({
    404: 'No statement has this id.',
    422: 'The statement is already retracted (`statement-retracted`).',
  })
  @WriteRoute()
  retract(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: RetractStatementDto,
    @IfMatch() ifMatch: bigint | undefined,
    @Write() write: WriteRequest,
  ): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new RetractStatementCommand(id, body, write.context, ifMatch)));
  }
}
