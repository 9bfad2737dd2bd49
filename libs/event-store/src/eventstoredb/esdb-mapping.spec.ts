import { describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../port.js';
import { fromEsdbMetadata, toEsdbMetadata, translateError } from './esdb-mapping.js';

const clientError = (type: string) => Object.assign(new Error(`${type} happened`), { type });

describe('EventStoreDB mapping', () => {
  it.each(['unavailable', 'not-leader', 'deadline-exceeded', 'timeout'])(
    'the client error type %s is a StoreUnavailableError',
    (type) => {
      const err = translateError(clientError(type));
      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect((err as StoreUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    },
  );

  it('raw gRPC UNAVAILABLE and DEADLINE_EXCEEDED too; other errors pass unchanged', () => {
    expect(translateError(Object.assign(new Error('x'), { code: 14 }))).toBeInstanceOf(StoreUnavailableError);
    expect(translateError(Object.assign(new Error('x'), { code: 4 }))).toBeInstanceOf(StoreUnavailableError);
    const other = clientError('access-denied');
    expect(translateError(other)).toBe(other);
    expect(translateError('text')).toBe('text');
  });

  it('writes correlation and causation where system projections read them, and reads back what was given', () => {
    const given = { userId: 'u', correlationId: 'c-1', causationId: 'k-1', commandId: 'k-1' };
    const written = toEsdbMetadata(given);
    expect(written).toMatchObject({ $correlationId: 'c-1', $causationId: 'k-1' });
    expect(fromEsdbMetadata(written)).toEqual(given);
    expect(toEsdbMetadata({ userId: 'u' })).toEqual({ userId: 'u' });
  });

  it("an event written by another client with only the system keys keeps them under Paragraf's names", () => {
    expect(fromEsdbMetadata({ $correlationId: 'c', $causationId: 'k' })).toEqual({
      correlationId: 'c',
      causationId: 'k',
    });
  });
});
