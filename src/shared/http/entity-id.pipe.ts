import type { PipeTransform } from '@nestjs/common';
import { validate as isUuid } from 'uuid';
import { NotFoundDomainError } from '../errors/not-found.error.js';

/**
 * A case or need id in a route. Ids are UUIDs made by this service; anything else names
 * nothing, so it is a 404 like any unknown id (and never reaches a stream name).
 */
export class EntityIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    // Not repeated in the answer: a path segment may be anything a caller typed, a personal id number included.
    if (!isUuid(value)) throw new NotFoundDomainError('No such case or need');
    return value.toLowerCase();
  }
}
