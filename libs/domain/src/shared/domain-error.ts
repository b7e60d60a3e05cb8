/** How the edge should read a rule failure: a duplicate (`conflict`), a broken rule, or a missing record. */
export type DomainErrorKind = 'conflict' | 'rule-violation' | 'not-found';

/** A business rule said no; carries a stable machine code for clients. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
