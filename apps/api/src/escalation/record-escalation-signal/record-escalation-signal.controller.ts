import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { RecordEscalationSignalCommand } from './record-escalation-signal.command';
import { RecordEscalationSignalDto } from './record-escalation-signal.dto';

/** `POST /v1/escalation-signals`. */
@ApiTags('escalation')
@Controller('v1/escalation-signals')
export class RecordEscalationSignalController {
  constructor(private readonly commands: CommandBus) {}

  /** Records a military, coast-guard, economic or rhetorical signal; `422` for a window that ends before it starts. */
  @Post()
  @HttpCode(201)
  async record(
    @Body() body: RecordEscalationSignalDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const { id, result } = await this.commands.execute(new RecordEscalationSignalCommand(body, context));
    return writeResponse(reply, id, result);
  }
}
