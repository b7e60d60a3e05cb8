import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

const CHECKS = {
  type: 'object',
  description:
    'By check (`eventStore`, `readModels`, `projections`, or `process` for liveness): its `status` and details.',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    additionalProperties: true,
  },
  example: { eventStore: { status: 'up' }, readModels: { status: 'up' }, projections: { status: 'up' } },
} as ApiPropertyOptions;

/** Terminus's health report: what monitors and orchestrators read. */
export class HealthReportResponse {
  /** `ok` when every check is up; `error` (with a `503`) when one is down. */
  status!: 'ok' | 'error' | 'shutting_down';
  /** The checks that are up. */
  @ApiProperty({ ...CHECKS, required: false } as ApiPropertyOptions)
  info?: Record<string, unknown>;
  /** The checks that are down. */
  @ApiProperty({ ...CHECKS, required: false } as ApiPropertyOptions)
  error?: Record<string, unknown>;
  /** Every check. */
  @ApiProperty(CHECKS)
  details!: Record<string, unknown>;
}
