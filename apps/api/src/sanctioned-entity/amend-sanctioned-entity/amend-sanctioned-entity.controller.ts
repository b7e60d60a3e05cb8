import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { AmendSanctionedEntityCommand } from './amend-sanctioned-entity.command';
import { AmendSanctionedEntityDto } from './amend-sanctioned-entity.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/sanctioned-entities/:id/amendments`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities/:id/amendments')
export class AmendSanctionedEntityController {
  constructor(private readonly commands: CommandBus) {}

  /** Amends a listing; `If-Match` makes concurrent amendments one-per-revision (`412` for the rest). */
  @ApiProblems({
    404: 'No entity has this id.',
    422: 'The entity is not listed (`not-listed`), or the amendment changes nothing (`nothing-to-amend`).',
  })
  @WriteRoute()
  amend(
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AmendSanctionedEntityDto,
    @IfMatch() ifMatch: bigint | undefined,
    @Write() write: WriteRequest,
  ): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new AmendSanctionedEntityCommand(id, body, write.context, ifMatch)));
  }
}
