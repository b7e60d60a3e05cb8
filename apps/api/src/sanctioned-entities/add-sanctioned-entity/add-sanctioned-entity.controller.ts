import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { CommandCtx } from '../../http/request-context';
import { type WriteResponse, writeResponse } from '../../http/write-response';
import { AddSanctionedEntityCommand } from './add-sanctioned-entity.command';
import { AddSanctionedEntityDto } from './add-sanctioned-entity.dto';

/** `POST /v1/sanctioned-entities`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities')
export class AddSanctionedEntityController {
  constructor(private readonly commands: CommandBus) {}

  /** Lists an entity; `409` if it is already on that list. */
  @Post()
  @HttpCode(201)
  async add(
    @Body() body: AddSanctionedEntityDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    const { id, result } = await this.commands.execute(new AddSanctionedEntityCommand(body, context));
    return writeResponse(reply, id, result);
  }
}
