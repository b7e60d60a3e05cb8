import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The error statuses a route can answer with for reasons of its own; the rest follow from its method and access. */
export type RouteProblemStatus = 400 | 404 | 409 | 412 | 422 | 503;

/**
 * Documents the `application/problem+json` answers a route gives for reasons of its own,
 * e.g. `@ApiProblems({ 404: 'No statement has this id.', 422: 'The statement is already retracted.' })`.
 * The document adds the problems every route of its kind shares (authentication, limits,
 * `Idempotency-Key`, a full disk; see `openapi.ts`) and the problem schema to each.
 */
export const ApiProblems = (reasons: Partial<Record<RouteProblemStatus, string>>) =>
  applyDecorators(
    ...Object.entries(reasons).map(([status, description]) => ApiResponse({ status: Number(status), description })),
  );
