import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Write, type WriteRequest, type WriteResponse, WriteRoute } from '../../http/write-route';
import { DefineAnchorCommand } from './define-anchor.command';
import { DefineAnchorDto } from './define-anchor.dto';
import { ApiProblems } from '../../openapi/api-problems';

/** `POST /v1/anchors`. */
@ApiTags('escalation')
@Controller('v1/anchors')
export class DefineAnchorController {
  constructor(private readonly commands: CommandBus) {}

  /** Defines a key date; `409` if the name is taken. */
  @ApiProblems({
    409: 'An anchor with this name is already defined (`anchor-exists`).',
  })
  @WriteRoute()
  define(@Body() body: DefineAnchorDto, @Write() write: WriteRequest): Promise<WriteResponse> {
    return write.answer(this.commands.execute(new DefineAnchorCommand(body, write.context)));
  }
}
