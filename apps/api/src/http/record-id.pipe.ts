import { type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './problem-details';

/** Validates a record id path parameter (UUID-shaped); anything else is a 400 naming `id`. */
export class RecordIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
      throw new InvalidInputError([{ field: 'id', messages: ['id must be a record id (UUID)'] }]);
    }
    return value;
  }
}
