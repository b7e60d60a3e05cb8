import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { RecordPolicyActionCommand } from './record-policy-action.command';
import { RecordPolicyActionDto } from './record-policy-action.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/policy-actions`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions')
export class RecordPolicyActionController {
  constructor(private readonly commands: CommandBus) {}

  /** Records a policy action at its first known stage; `422` if that stage cannot start its kind. */
  @ApiProblems({
    422: 'A rule of the kind is broken: `occurredAt` in the future, a `rate` on anything but a tariff, `announcedListings` on anything but an export-control rule or counting more than its `total`.',
  })
  @WriteRoute()
  record(@Body() body: RecordPolicyActionDto, @Write() write: WriteRequest): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new RecordPolicyActionCommand(body, write.context)));
  }
}
