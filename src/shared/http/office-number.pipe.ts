import type { PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import { isOfficeNumber } from '../values/office-number.js';

/** `{officeNumber}` in a route: four digits (NORG2 enhetsnummer). */
export class OfficeNumberPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isOfficeNumber(value)) throw new ValidationFailed([{ path: 'officeNumber', message: 'must be a 4-digit office number' }]);
    return value;
  }
}
