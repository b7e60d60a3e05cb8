import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { IfMatch } from '../http/if-match';
import { RecordIdPipe } from '../http/record-id.pipe';
import { CommandCtx } from '../http/request-context';
import { type WriteResponse, writeResponse } from '../http/write-response';
import { CorrectStatementCommand } from './correct-statement/correct-statement.command';
import { CorrectStatementDto } from './correct-statement/correct-statement.dto';
import { RetractStatementCommand } from './retract-statement/retract-statement.command';
import { RetractStatementDto } from './retract-statement/retract-statement.dto';

/** `POST /v1/statements/:id/corrections` and `/retraction`: new events, never edits. */
@ApiTags('statements')
@Controller('v1/statements/:id')
export class StatementChangesController {
  constructor(private readonly commands: CommandBus) {}

  /** Corrects facts of a statement; `If-Match` guards against correcting a stale revision. */
  @Post('corrections')
  @HttpCode(201)
  async correct(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CorrectStatementDto,
    @CommandCtx() context: CommandContext,
    @IfMatch() ifMatch: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    return writeResponse(
      reply,
      id,
      await this.commands.execute(new CorrectStatementCommand(id, body, context, ifMatch)),
    );
  }

  /** Retracts a statement: it leaves lists and timelines and stays in the audit trail. */
  @Post('retraction')
  @HttpCode(201)
  async retract(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: RetractStatementDto,
    @CommandCtx() context: CommandContext,
    @IfMatch() ifMatch: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    return writeResponse(
      reply,
      id,
      await this.commands.execute(new RetractStatementCommand(id, body, context, ifMatch)),
    );
  }
}
