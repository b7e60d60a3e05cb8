import { type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../http/problem-details';

/** `<category>-<id>` as every stream is named (design rule 4); anything else cannot be one of ours. */
export const STREAM_ID = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]+$/;

const MESSAGE = 'streamId must be a stream name like statement-<id>';

/** True for a well-formed stream name of at most 300 characters. */
export function isStreamId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 300 && STREAM_ID.test(value);
}

/** Validates a `:streamId` path parameter; anything else is a 400 naming `streamId`. */
export class StreamIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isStreamId(value)) throw new InvalidInputError([{ field: 'streamId', messages: [MESSAGE] }]);
    return value;
  }
}
