import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import type { AppConfig } from '@tracker/runtime/app.config';
import { KEY_STORE } from '@tracker/runtime/persistence.module';
import { IdempotencyGuard } from '../idempotency/idempotency.guard';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { ApiKeyGuard } from './api-key.guard';
import type { Principal } from './api-keys';
import { AuthFailureLimiter } from './auth-failure-limiter';

/** Rate limits per API key (per client address when no keys are configured). */
@Injectable()
class PerKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request.principal as Principal | undefined;
    return principal && principal.id !== 'local' ? `key:${principal.id}` : `ip:${String(request.ip)}`;
  }
}

/** Authentication (with failures limited per address), roles, rate limits and idempotency keys, in that order for every request. */
@Module({})
export class SecurityModule {
  /** Wires the guards (the idempotency guard last) for `config` and the loaded `keys`. */
  static forRoot(
    config: AppConfig,
    keys: ReadonlyMap<string, Principal>,
    onIdempotentReplay?: () => void,
  ): DynamicModule {
    const limit = config.RATE_LIMIT_PER_MINUTE;
    return {
      module: SecurityModule,
      imports: limit > 0 ? [ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit }] })] : [],
      providers: [
        {
          provide: APP_GUARD,
          useFactory: () => {
            const failures = config.AUTH_FAILURES_PER_MINUTE;
            return new ApiKeyGuard(keys, failures > 0 ? new AuthFailureLimiter({ limit: failures }) : undefined);
          },
        },
        ...(limit > 0 ? [{ provide: APP_GUARD, useClass: PerKeyThrottlerGuard }] : []),
        {
          provide: IdempotencyStore,
          inject: [KEY_STORE],
          useFactory: async (db: ReadModelStore) => {
            const store = new IdempotencyStore(db, config.IDEMPOTENCY_TTL_HOURS * 3_600_000);
            await store.init();
            return store;
          },
        },
        {
          provide: IdempotencyGuard,
          inject: [IdempotencyStore, HttpAdapterHost],
          useFactory: (store: IdempotencyStore, host: HttpAdapterHost) =>
            new IdempotencyGuard(store, host, onIdempotentReplay),
        },
        { provide: APP_GUARD, useExisting: IdempotencyGuard },
      ],
    };
  }
}
