import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyReply } from 'fastify';
import { IfMatch } from '../http/if-match';
import { RecordIdPipe } from '../http/record-id.pipe';
import { CommandCtx } from '../http/request-context';
import { type WriteResponse, writeResponse } from '../http/write-response';
import { AmendSanctionedEntityCommand } from './amend-sanctioned-entity/amend-sanctioned-entity.command';
import { AmendSanctionedEntityDto } from './amend-sanctioned-entity/amend-sanctioned-entity.dto';
import { RemoveSanctionedEntityCommand } from './remove-sanctioned-entity/remove-sanctioned-entity.command';
import { RemoveSanctionedEntityDto } from './remove-sanctioned-entity/remove-sanctioned-entity.dto';

/** `POST /v1/sanctioned-entities/:id/amendments` and `/removal`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities/:id')
export class ListingChangesController {
  constructor(private readonly commands: CommandBus) {}

  /** Amends a listing; `If-Match` makes concurrent amendments one-per-revision (`412` for the rest). */
  @Post('amendments')
  @HttpCode(201)
  async amend(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AmendSanctionedEntityDto,
    @CommandCtx() context: CommandContext,
    @IfMatch() ifMatch: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    return writeResponse(
      reply,
      id,
      await this.commands.execute(new AmendSanctionedEntityCommand(id, body, context, ifMatch)),
    );
  }

  /** Delists an entity; `422` if it is not listed. */
  @Post('removal')
  @HttpCode(201)
  async remove(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: RemoveSanctionedEntityDto,
    @CommandCtx() context: CommandContext,
    @IfMatch() ifMatch: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResponse> {
    return writeResponse(
      reply,
      id,
      await this.commands.execute(new RemoveSanctionedEntityCommand(id, body, context, ifMatch)),
    );
  }
}
