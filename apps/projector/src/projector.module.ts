import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@tracker/runtime/app.config';
import { PersistenceModule } from '@tracker/runtime/persistence.module';

/** The projector worker: subscriptions → projections → read-model store, no HTTP. */
@Module({})
export class ProjectorModule {
  /** Builds the module for a validated configuration. */
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ProjectorModule, imports: [PersistenceModule.forRoot(config, 'projector')] };
  }
}
