/** Body of every successful write. */
export class WriteResponse {
  /**
   * The record's id: new for a new record, the one in the path for a change.
   * @example "0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13"
   */
  id!: string;
  /**
   * The record's event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "statement-0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13"
   */
  streamId!: string;
  /**
   * Stream revision after the write; also the `ETag`.
   * @example 0
   */
  revision!: number;
  /**
   * Position in the global log, to wait for read models to catch up.
   * @example "128"
   */
  position!: string;
}
