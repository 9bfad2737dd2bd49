import { describe, expect, it } from '@jest/globals';
import { eventSchemaVersions, upcast, UpcastError, UpcasterRegistry } from './upcasting.js';

describe('upcasting', () => {
  it('gives every event type a current schema version', () => {
    expect(Object.keys(eventSchemaVersions)).toHaveLength(51);
    expect(Object.values(eventSchemaVersions).every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
  });

  it('leaves current-version data as it is', () => {
    const data = { paragraphId: 'p', motionId: 'm' };
    expect(upcast('MotionWithdrawn', 1, data)).toBe(data);
  });

  it('applies registered upcasters step by step, in order', () => {
    // Imagine MotionProposed v1 had `proposerName`, v2 a `proposer` object, v3 added `text`.
    const registry = new UpcasterRegistry({ ...eventSchemaVersions, MotionProposed: 3 });
    const calls: number[] = [];
    registry
      .register({
        type: 'MotionProposed',
        fromVersion: 2,
        up: (d) => (calls.push(2), { ...d, text: d['text'] ?? '' }),
      })
      .register({
        type: 'MotionProposed',
        fromVersion: 1,
        up: ({ proposerName, ...rest }) => (calls.push(1), { ...rest, proposer: { name: proposerName } }),
      });
    expect(registry.upcast('MotionProposed', 1, { motionId: 'm', proposerName: 'Robert Beronius' })).toEqual({
      motionId: 'm',
      proposer: { name: 'Robert Beronius' },
      text: '',
    });
    expect(calls).toEqual([1, 2]);
    expect(registry.upcast('MotionProposed', 2, { motionId: 'm', text: 'x' })).toEqual({
      motionId: 'm',
      text: 'x',
    });
  });

  it('refuses gaps, future versions, upcasters of unknown types and duplicate registrations', () => {
    const registry = new UpcasterRegistry({ ...eventSchemaVersions, MotionProposed: 3 });
    registry.register({ type: 'MotionProposed', fromVersion: 2, up: (d) => d });
    expect(() => registry.upcast('MotionProposed', 1, {})).toThrow(UpcastError);
    expect(() => registry.upcast('MotionProposed', 4, {})).toThrow(UpcastError);
    // A type outside the catalogue (the store's integrity seals) is at version 1 and passes.
    const seal = { upTo: '5' };
    expect(registry.upcast('NoSuchEvent', 1, seal)).toBe(seal);
    expect(() => registry.upcast('NoSuchEvent', 2, {})).toThrow(UpcastError);
    expect(() => registry.register({ type: 'NoSuchEvent', fromVersion: 1, up: (d) => d })).toThrow(
      UpcastError,
    );
    expect(() => registry.register({ type: 'MotionProposed', fromVersion: 2, up: (d) => d })).toThrow(
      UpcastError,
    );
    expect(() => registry.register({ type: 'MotionProposed', fromVersion: 3, up: (d) => d })).toThrow(
      UpcastError,
    );
  });
});
