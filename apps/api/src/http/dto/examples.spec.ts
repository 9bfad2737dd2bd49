import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import * as meeting from './meeting.dto.js';
import * as paragraph from './paragraph.dto.js';
import * as bodies from '../../bodies/bodies.dto.js';

type WithExample = (new () => object) & { example?: object };

const dtos = (
  [...Object.values(meeting), ...Object.values(paragraph), ...Object.values(bodies)] as unknown[]
).filter((v): v is WithExample => typeof v === 'function' && 'example' in v);

describe('OpenAPI example bodies', () => {
  it('there is one for every command body', () => {
    expect(dtos.length).toBeGreaterThanOrEqual(24);
  });

  it.each(dtos.map((d) => [d.name, d] as const))('%s example passes its own validation', (_name, dto) => {
    const errors = validateSync(plainToInstance(dto, dto.example), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors).toEqual([]);
  });
});
