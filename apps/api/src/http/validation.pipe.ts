import { ValidationPipe } from '@nestjs/common';
import { fieldErrors, InvalidInputError } from './problem-details';

/** Strict validation for bodies and queries: unknown properties are errors, values are transformed to DTO types. */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new InvalidInputError(fieldErrors(errors)),
  });
