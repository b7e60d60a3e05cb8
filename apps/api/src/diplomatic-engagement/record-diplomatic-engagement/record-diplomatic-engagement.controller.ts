import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { RecordDiplomaticEngagementCommand } from './record-diplomatic-engagement.command';
import { RecordDiplomaticEngagementDto } from './record-diplomatic-engagement.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/diplomatic-engagements`. */
@ApiTags('diplomatic-engagements')
@Controller('v1/diplomatic-engagements')
export class RecordDiplomaticEngagementController {
  constructor(private readonly commands: CommandBus) {}

  /** Records a visit, call or meeting; `422` if it ends before it starts or has too few participants. */
  @ApiProblems({
    422: 'It ends before it starts (`ends-before-start`), or names too few participants for its kind (`too-few-participants`).',
  })
  @WriteRoute()
  record(@Body() body: RecordDiplomaticEngagementDto, @Write() write: WriteRequest): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new RecordDiplomaticEngagementCommand(body, write.context)));
  }
}
