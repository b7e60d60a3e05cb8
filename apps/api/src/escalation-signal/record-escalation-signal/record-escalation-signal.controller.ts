import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { RecordEscalationSignalCommand } from './record-escalation-signal.command';
import { RecordEscalationSignalDto } from './record-escalation-signal.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/escalation-signals`. */
@ApiTags('escalation')
@Controller('v1/escalation-signals')
export class RecordEscalationSignalController {
  constructor(private readonly commands: CommandBus) {}

  /** Records a military, coast-guard, economic or rhetorical signal; `422` for a window that ends before it starts. */
  @ApiProblems({
    422: 'The window closes before it opens or in the future, the CAMEO code is unknown, or `medianLineCrossings` exceeds `aircraft`.',
  })
  @WriteRoute()
  record(@Body() body: RecordEscalationSignalDto, @Write() write: WriteRequest): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new RecordEscalationSignalCommand(body, write.context)));
  }
}
