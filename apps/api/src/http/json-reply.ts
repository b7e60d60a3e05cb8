import type { FastifyInstance } from 'fastify';

/**
 * A response body serialised once: the reply serializer sends `body` as it is, so an answer
 * kept in a cache (see `ReadModels.cached`) is not turned into JSON, nor encoded as UTF-8,
 * again on every request. `toJSON` keeps every other serialiser's output the same as for the
 * plain value.
 */
export class JsonText<T> {
  /** The value as UTF-8 JSON, ready for the socket. */
  readonly body: Buffer;

  constructor(readonly value: T) {
    this.body = Buffer.from(JSON.stringify(value));
  }

  toJSON(): T {
    return this.value;
  }
}

/** Replies with a `JsonText`'s bytes unchanged; everything else as Fastify's default, `JSON.stringify`. */
export function useJsonText(fastify: FastifyInstance): void {
  // Fastify writes a serializer's Buffer as it is (its type only names strings).
  fastify.setReplySerializer((payload) =>
    payload instanceof JsonText ? (payload.body as unknown as string) : JSON.stringify(payload),
  );
}
