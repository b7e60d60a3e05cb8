/** The first place a stream's chain does not verify. */
export class ChainBreakResponse {
  /** @example "statement-0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13" */
  streamId!: string;
  /** Revision of the first event whose hash does not match. */
  revision!: number;
  /** The hash recomputed from the stored events. */
  expected!: string;
  /** The hash stored with the event, if any. */
  found!: string | null;
}

/** Body of `GET /v1/audit/verify`. */
export class VerifyChainsResponse {
  /** Whether every chain verified. */
  ok!: boolean;
  /** Streams checked. */
  streams!: number;
  /** Events checked. */
  events!: number;
  /** The first break in log order; absent when `ok`. */
  firstBreak?: ChainBreakResponse;
  /** The first break of every broken stream. */
  breaks!: ChainBreakResponse[];
}
