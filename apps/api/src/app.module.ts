import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '@tracker/runtime/app.config';
import { PersistenceModule } from '@tracker/runtime/persistence.module';
import { AdminModule } from './admin/admin.module';
import { AnchorModule } from './anchor/anchor.module';
import { AuditModule } from './audit/audit.module';
import type { Principal } from './auth/api-keys';
import { SecurityModule } from './auth/security.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DiplomaticEngagementModule } from './diplomatic-engagement/diplomatic-engagement.module';
import { EscalationSignalModule } from './escalation-signal/escalation-signal.module';
import { FeedModule } from './feed/feed.module';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { trackerMetrics } from './observability/tracker-metrics';
import { PolicyActionModule } from './policy-action/policy-action.module';
import { ReadModelModule } from './read-model/read-model.module';
import { RecordKindModule } from './record-kind/record-kind.module';
import { SanctionedEntityModule } from './sanctioned-entity/sanctioned-entity.module';
import { StatementModule } from './statement/statement.module';
import { TimelineModule } from './timeline/timeline.module';

/** The HTTP API: one module per record kind and per area; controllers dispatch to the command and query buses only. */
@Module({})
export class AppModule {
  /** Builds the module for a validated configuration. */
  static forRoot(config: AppConfig, keys: ReadonlyMap<string, Principal> = new Map()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ level: config.LOG_LEVEL }),
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(config),
        SecurityModule.forRoot(config, keys, () => trackerMetrics.idempotentReplays.inc()),
        ReadModelModule,
        RecordKindModule,
        StatementModule,
        SanctionedEntityModule,
        PolicyActionModule,
        DiplomaticEngagementModule,
        EscalationSignalModule,
        AnchorModule,
        TimelineModule,
        FeedModule,
        AuditModule,
        AdminModule,
        HealthModule,
        DashboardModule,
      ],
    };
  }
}
