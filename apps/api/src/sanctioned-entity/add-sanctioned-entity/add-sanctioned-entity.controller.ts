import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { AddSanctionedEntityCommand } from './add-sanctioned-entity.command';
import { AddSanctionedEntityDto } from './add-sanctioned-entity.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/sanctioned-entities`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities')
export class AddSanctionedEntityController {
  constructor(private readonly commands: CommandBus) {}

  /** Lists an entity; `409` if it is already on that list. */
  @ApiProblems({
    409: 'The entity is already on that list (`already-listed`).',
  })
  @WriteRoute()
  add(@Body() body: AddSanctionedEntityDto, @Write() write: WriteRequest): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new AddSanctionedEntityCommand(body, write.context)));
  }
}
