import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { AdvancePolicyActionCommand } from './advance-policy-action.command';
import { AdvancePolicyActionDto } from './advance-policy-action.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/policy-actions/:id/stages`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions/:id/stages')
export class AdvancePolicyActionController {
  constructor(private readonly commands: CommandBus) {}

  /** Advances the action; `404` unknown, `412` stale `If-Match`, `422` a stage its lifecycle does not allow. */
  @ApiProblems({
    404: 'No policy action has this id.',
    422: "The stage does not follow the current one in the kind's lifecycle, or happened before it or in the future.",
  })
  @WriteRoute()
  advance(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AdvancePolicyActionDto,
    @IfMatch() ifMatch: bigint | undefined,
    @Write() write: WriteRequest,
  ): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new AdvancePolicyActionCommand(id, body, write.context, ifMatch)));
  }
}
