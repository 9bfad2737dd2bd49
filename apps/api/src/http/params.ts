import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { problems } from '../errors/problem.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRY_ID = /^[\p{L}\p{N}._:-]{1,100}$/u;

/** Stream ids in the path are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!UUID.test(value))
      throw problems.validation([{ field: meta.data ?? 'id', message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}

/** Entry ids (motion, vote, reservation) in the path: the same alphabet as in bodies. */
@Injectable()
export class EntryIdParam implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!ENTRY_ID.test(value)) {
      throw problems.validation([
        { field: meta.data ?? 'id', message: 'must be 1–100 letters, digits or . _ : -' },
      ]);
    }
    return value;
  }
}
