import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { RemoveSanctionedEntityCommand } from './remove-sanctioned-entity.command';
import { RemoveSanctionedEntityDto } from './remove-sanctioned-entity.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/sanctioned-entities/:id/removal`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities/:id/removal')
export class RemoveSanctionedEntityController {
  constructor(private readonly commands: CommandBus) {}

  /** Delists an entity; `422` if it is not listed. */
  @ApiProblems({
    404: 'No entity has this id.',
    422: 'The entity is not listed (`not-listed`), or the removal would precede the listing (`removed-before-listed`).',
  })
  @WriteRoute()
  remove(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: RemoveSanctionedEntityDto,
    @IfMatch() ifMatch: bigint | undefined,
    @Write() write: WriteRequest,
  ): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new RemoveSanctionedEntityCommand(id, body, write.context, ifMatch)));
  }
}
