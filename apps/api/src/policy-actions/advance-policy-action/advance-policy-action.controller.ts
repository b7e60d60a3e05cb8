import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { IfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { AdvancePolicyActionCommand } from './advance-policy-action.command';
import { AdvancePolicyActionDto } from './advance-policy-action.dto';

/** `POST /v1/policy-actions/:id/stages`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions/:id/stages')
export class AdvancePolicyActionController {
  constructor(private readonly commands: CommandBus) {}

  /** Advances the action; `404` unknown, `412` stale `If-Match`, `422` a stage its lifecycle does not allow. */
  @Post()
  @HttpCode(201)
  async advance(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AdvancePolicyActionDto,
    @IfMatch() ifMatch: bigint | undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const result = await this.commands.execute(new AdvancePolicyActionCommand(id, body, context, ifMatch));
    return writeResponse(reply, id, result);
  }
}
