import type { FastifyInstance } from 'fastify';

/**
 * A response body serialised once: the reply serializer sends `text` as it is, so an answer
 * kept in a cache (see `ReadModels.cached`) is not turned into JSON again on every request.
 * `toJSON` keeps every other serialiser's output the same as for the plain value.
 */
export class JsonText<T> {
  /** The value as JSON. */
  readonly text: string;

  constructor(readonly value: T) {
    this.text = JSON.stringify(value);
  }

  toJSON(): T {
    return this.value;
  }
}

/** Replies with a `JsonText`'s text unchanged; everything else as Fastify's default, `JSON.stringify`. */
export function useJsonText(fastify: FastifyInstance): void {
  fastify.setReplySerializer((payload) => (payload instanceof JsonText ? payload.text : JSON.stringify(payload)));
}
