import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { DefineAnchorCommand } from './define-anchor.command';
import { DefineAnchorDto } from './define-anchor.dto';

/** `POST /v1/anchors`. */
@ApiTags('escalation')
@Controller('v1/anchors')
export class DefineAnchorController {
  constructor(private readonly commands: CommandBus) {}

  /** Defines a key date; `409` if the name is taken. */
  @Post()
  @HttpCode(201)
  async define(
    @Body() body: DefineAnchorDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const { id, result } = await this.commands.execute(new DefineAnchorCommand(body, context));
    return writeResponse(reply, id, result);
  }
}
