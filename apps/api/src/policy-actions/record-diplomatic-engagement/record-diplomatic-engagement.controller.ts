import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { RecordDiplomaticEngagementCommand } from './record-diplomatic-engagement.command';
import { RecordDiplomaticEngagementDto } from './record-diplomatic-engagement.dto';

/** `POST /v1/diplomatic-engagements`. */
@ApiTags('diplomatic-engagements')
@Controller('v1/diplomatic-engagements')
export class RecordDiplomaticEngagementController {
  constructor(private readonly commands: CommandBus) {}

  /** Records a visit, call or meeting; `422` if it ends before it starts or has too few participants. */
  @Post()
  @HttpCode(201)
  async record(
    @Body() body: RecordDiplomaticEngagementDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const { id, result } = await this.commands.execute(new RecordDiplomaticEngagementCommand(body, context));
    return writeResponse(reply, id, result);
  }
}
