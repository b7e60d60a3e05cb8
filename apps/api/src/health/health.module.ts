import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

/** Liveness and readiness (`GET /health`, `/health/live`, `/health/ready`). */
@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
})
export class HealthModule {}
