import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { formatPosition, headOf } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { ApiProblems } from '../openapi/api-problems';
import type { ProjectionsResponse, RebuildResponse } from './projections-admin.response';

/** `GET /v1/admin/projections` and `POST /v1/admin/projections/:name/rebuild`. */
@ApiTags('admin')
@Controller('v1/admin/projections')
export class ProjectionsAdminController {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
  ) {}

  /**
   * Each projection's code version, serving generation, checkpoint and lag, and the progress
   * of a rebuild. Lag is in log positions: events on SQLite, bytes of log on EventStoreDB.
   */
  @Get()
  async listProjections(): Promise<ProjectionsResponse> {
    const head = (await headOf(this.store))?.commit;
    const generations = await this.runner.status();
    return {
      head: head === undefined ? null : `${head}`,
      projections: ALL_PROJECTIONS.map((projection) => {
        const own = generations.filter((g) => g.name === projection.name && g.status !== 'retired');
        const view = (g: (typeof own)[number] | undefined) =>
          g && {
            generation: g.generation,
            version: g.version,
            state: g.state,
            checkpoint: g.position ? formatPosition(g.position) : null,
            lag: head === undefined ? 0 : Number(head - (g.position?.commit ?? 0n)),
            startedAt: g.startedAt,
            updatedAt: g.updatedAt,
            lastError: g.lastError,
          };
        return {
          name: projection.name,
          version: projection.version,
          active: view(own.find((g) => g.status === 'active')) ?? null,
          rebuild: view(own.find((g) => g.status === 'building')) ?? null,
        };
      }),
    };
  }

  /** Starts a blue/green rebuild from position 0; the current generation serves until the new one has caught up. */
  @ApiProblems({ 404: 'No projection has this name.' })
  @Post(':name/rebuild')
  @HttpCode(202)
  async rebuildProjection(@Param('name') name: string): Promise<RebuildResponse> {
    if (!ALL_PROJECTIONS.some((p) => p.name === name)) throw new NotFoundException(`No projection named ${name}`);
    const generation = await this.runner.rebuild(name);
    return { name, generation: generation.generation, status: generation.status, startedAt: generation.startedAt };
  }
}
