import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { RecordStatementCommand } from './record-statement.command';
import { RecordStatementDto } from './record-statement.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/statements`. */
@ApiTags('statements')
@Controller('v1/statements')
export class RecordStatementController {
  constructor(private readonly commands: CommandBus) {}

  /** Records an official's statement. */
  @ApiProblems({
    422: '`occurredAt` lies in the future (`occurred-in-future`).',
  })
  @WriteRoute()
  record(@Body() body: RecordStatementDto, @Write() write: WriteRequest): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new RecordStatementCommand(body, write.context)));
  }
}
