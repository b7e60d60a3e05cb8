/** How one event reads in the developments feed: the record it concerns and a one-line headline. */
export interface FeedEntry {
  readonly recordId: string;
  readonly headline: string;
  /** When it happened, where the event says (a statement's date, a listing's effective date). */
  readonly occurredAt?: string;
  readonly source?: unknown;
}

/** `text`, cut to `max` characters with an ellipsis: headlines stay one line. */
export const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
