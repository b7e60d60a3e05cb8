import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from '@tracker/runtime/app.config';
import type { Principal } from './auth/api-keys';
import { SecurityModule } from './auth/security.module';
import { ObservabilityModule } from './observability/observability.module';
import { trackerMetrics } from './observability/tracker-metrics';
import { ParkedEventsController } from './admin/parked-events/parked-events.controller';
import { ProjectionsAdminController } from './admin/projections-admin.controller';
import { AuditModule } from './audit/audit.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { EscalationModule } from './escalation/escalation.module';
import { ListFeedController, ListFeedHandler } from './feed/list-feed.query';
import { HealthController } from './health/health.controller';
import { PolicyActionsModule } from './policy-actions/policy-actions.module';
import { PersistenceModule } from '@tracker/runtime/persistence.module';
import { AddSanctionedEntityController } from './sanctioned-entities/add-sanctioned-entity/add-sanctioned-entity.controller';
import { AmendSanctionedEntityHandler } from './sanctioned-entities/amend-sanctioned-entity/amend-sanctioned-entity.command';
import {
  GetSanctionedEntityController,
  GetSanctionedEntityHandler,
} from './sanctioned-entities/get-sanctioned-entity/get-sanctioned-entity.query';
import { ListingChangesController } from './sanctioned-entities/listing-changes.controller';
import { RemoveSanctionedEntityHandler } from './sanctioned-entities/remove-sanctioned-entity/remove-sanctioned-entity.command';
import { CorrectStatementHandler } from './statements/correct-statement/correct-statement.command';
import { RetractStatementHandler } from './statements/retract-statement/retract-statement.command';
import { StatementChangesController } from './statements/statement-changes.controller';
import { AddSanctionedEntityHandler } from './sanctioned-entities/add-sanctioned-entity/add-sanctioned-entity.command';
import { ListSanctionedEntitiesController } from './sanctioned-entities/list-sanctioned-entities/list-sanctioned-entities.controller';
import { ListSanctionedEntitiesHandler } from './sanctioned-entities/list-sanctioned-entities/list-sanctioned-entities.query';
import { ListStatementsController } from './statements/list-statements/list-statements.controller';
import { ListStatementsHandler } from './statements/list-statements/list-statements.query';
import { RecordStatementController } from './statements/record-statement/record-statement.controller';
import { RecordStatementHandler } from './statements/record-statement/record-statement.command';
import { ExportControlsTimelineController } from './timelines/export-controls-timeline/export-controls-timeline.controller';
import { ExportControlsTimelineHandler } from './timelines/export-controls-timeline/export-controls-timeline.query';

/** The HTTP API: controllers dispatch to the command and query buses only. */
@Module({})
export class AppModule {
  /** Builds the module for a validated configuration. */
  static forRoot(config: AppConfig, keys: ReadonlyMap<string, Principal> = new Map()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ level: config.LOG_LEVEL }),
        CqrsModule.forRoot(),
        TerminusModule,
        PersistenceModule.forRoot(config),
        SecurityModule.forRoot(config, keys, () => trackerMetrics.idempotentReplays.inc()),
        PolicyActionsModule,
        EscalationModule,
        AuditModule,
        DashboardModule,
      ],
      controllers: [
        RecordStatementController,
        ListStatementsController,
        AddSanctionedEntityController,
        ListSanctionedEntitiesController,
        GetSanctionedEntityController,
        StatementChangesController,
        ListingChangesController,
        ExportControlsTimelineController,
        ListFeedController,
        ProjectionsAdminController,
        ParkedEventsController,
        HealthController,
      ],
      providers: [
        RecordStatementHandler,
        ListStatementsHandler,
        AddSanctionedEntityHandler,
        ListSanctionedEntitiesHandler,
        GetSanctionedEntityHandler,
        CorrectStatementHandler,
        RetractStatementHandler,
        AmendSanctionedEntityHandler,
        RemoveSanctionedEntityHandler,
        ExportControlsTimelineHandler,
        ListFeedHandler,
      ],
    };
  }
}
