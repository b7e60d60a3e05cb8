import type { ValidationError } from 'class-validator';

/** RFC 9457 problem document. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  /** Offending fields, dotted paths into the body or query. */
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

/** Flattens nested class-validator errors into dotted field paths. */
export function fieldErrors(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Raised by the validation pipe; the filter renders it as a 400 problem naming the fields. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(readonly errors: { field: string; messages: string[] }[]) {
    super(`Invalid input: ${errors.map((e) => e.field).join(', ')}`);
  }
}
