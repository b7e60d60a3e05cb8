import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { RecordStatementCommand } from './record-statement.command';
import { RecordStatementDto } from './record-statement.dto';

/** `POST /v1/statements`. */
@ApiTags('statements')
@Controller('v1/statements')
export class RecordStatementController {
  constructor(private readonly commands: CommandBus) {}

  /** Records an official's statement. */
  @Post()
  @HttpCode(201)
  async record(
    @Body() body: RecordStatementDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const { id, result } = await this.commands.execute(new RecordStatementCommand(body, context));
    return writeResponse(reply, id, result);
  }
}
