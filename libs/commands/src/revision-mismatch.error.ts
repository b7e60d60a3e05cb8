/** `If-Match` named a revision the record is no longer (or never was) at. */
export class RevisionMismatchError extends Error {
  override readonly name = 'RevisionMismatchError';
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`${streamId} is at revision ${String(actual)}, not ${expected}`);
  }
}
