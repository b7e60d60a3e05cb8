import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { fieldErrors, InvalidInputError } from './problem-details';

type FieldError = { field: string; messages: string[] };

/**
 * Validation that also refuses the unknown fields class-validator's whitelist never sees.
 * class-transformer skips every key that names an inherited method or getter of the object it
 * builds (`toString`, `valueOf`, `hasOwnProperty`, … of `Object.prototype`, or a DTO's own
 * methods), so such a field vanished from the DTO and the write was accepted. Every key the
 * client sent must therefore come through into the DTO, at every level; one that did not is
 * reported with class-validator's own message for an unknown property.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    let dto: unknown;
    try {
      dto = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof InvalidInputError) || !this.isDto(metadata)) throw error;
      // The DTO the pipe built is gone with its errors; building it again costs only failed requests.
      const dropped = droppedFields(value, plainToInstance(metadata.metatype as new () => object, value));
      throw dropped.length > 0 ? new InvalidInputError([...error.errors, ...dropped]) : error;
    }
    if (!this.isDto(metadata)) return dto;
    const dropped = droppedFields(value, dto);
    if (dropped.length > 0) throw new InvalidInputError(dropped);
    return dto;
  }

  private isDto(metadata: ArgumentMetadata): boolean {
    return metadata.metatype !== undefined && this.toValidate(metadata);
  }
}

/**
 * Keys of the plain `value` that are not own properties of `dto` at the same path (arrays
 * index by index). Values the DTO holds as something other than an object (a number parsed
 * from a query string, say) are class-validator's to judge, not this walk's.
 */
function droppedFields(value: unknown, dto: unknown, path = '', found: FieldError[] = []): FieldError[] {
  if (value === null || typeof value !== 'object' || dto === null || typeof dto !== 'object') return found;
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (Object.prototype.hasOwnProperty.call(dto, key)) {
      droppedFields((value as Record<string, unknown>)[key], (dto as Record<string, unknown>)[key], field, found);
    } else {
      found.push({ field, messages: [`property ${key} should not exist`] });
    }
  }
  return found;
}

/** Strict validation for bodies and queries: unknown properties are errors, values are transformed to DTO types. */
export const strictValidationPipe = () =>
  new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new InvalidInputError(fieldErrors(errors)),
  });
