import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { RecordPolicyActionCommand } from './record-policy-action.command';
import { RecordPolicyActionDto } from './record-policy-action.dto';

/** `POST /v1/policy-actions`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions')
export class RecordPolicyActionController {
  constructor(private readonly commands: CommandBus) {}

  /** Records a policy action at its first known stage; `422` if that stage cannot start its kind. */
  @Post()
  @HttpCode(201)
  async record(
    @Body() body: RecordPolicyActionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const { id, result } = await this.commands.execute(new RecordPolicyActionCommand(body, context));
    return writeResponse(reply, id, result);
  }
}
