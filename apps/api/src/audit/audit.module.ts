import { Module } from '@nestjs/common';
import { GetAuditTrailController } from './get-audit-trail/get-audit-trail.controller';
import { GetAuditTrailHandler } from './get-audit-trail/get-audit-trail.query';
import { VerifyChainsController } from './verify-chains/verify-chains.controller';
import { VerifyChainsHandler } from './verify-chains/verify-chains.query';

/** Audit trail and tamper-evidence verification, read straight from the event log. */
@Module({
  controllers: [VerifyChainsController, GetAuditTrailController],
  providers: [VerifyChainsHandler, GetAuditTrailHandler],
})
export class AuditModule {}
