import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problems, type FieldError } from '../errors/problem.js';

/** Flatten class-validator's tree into `members[0].name`-style field paths. */
export function fieldErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** Shape checks only; meaning is the decider's. Unknown fields are refused, not dropped silently. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // One message per field: the first constraint it breaks ("must be a string", not five more).
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => problems.validation(fieldErrors(errors)),
  });
}
