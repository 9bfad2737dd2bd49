/**
 * The house-style stream of a body (`housestyle-<bodyId>`): each adoption of a style is a new
 * version. The style itself (settings and Liquid templates) is checked by the renderer's
 * validation before the command is sent (libs/protocol, `validateHouseStyle`); the domain
 * records who adopted which version when, and never rewrites an earlier version, so a
 * justified protocol keeps the wording it was justified in (docs/adr/0018).
 */
import type { Decider } from './decider.js';

export interface HouseStyleAdopted {
  readonly type: 'HouseStyleAdopted';
  readonly data: {
    readonly bodyId: string;
    /** 1 for the body's first adopted style, then one more for each adoption. */
    readonly version: number;
    /** The validated house-style document (libs/protocol HouseStyleDocument), as data. */
    readonly style: Readonly<Record<string, unknown>>;
    /** When it takes effect: the moment it was adopted (the server's clock). */
    readonly adoptedAt: string;
  };
}
export type HouseStyleEvent = HouseStyleAdopted;

export interface AdoptHouseStyle {
  readonly type: 'AdoptHouseStyle';
  readonly data: {
    readonly bodyId: string;
    readonly style: Readonly<Record<string, unknown>>;
    readonly at: string;
  };
}

export interface HouseStyleState {
  readonly versions: readonly HouseStyleAdopted['data'][];
}

export const houseStyleStreamId = (bodyId: string) => `housestyle-${bodyId}`;

function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const houseStyleDecider: Decider<AdoptHouseStyle, HouseStyleEvent, HouseStyleState> = {
  initialState: { versions: [] },
  decide(command, state) {
    const { bodyId, style, at } = command.data;
    const last = state.versions[state.versions.length - 1];
    // Adopting the style already in force changes nothing: no new version.
    if (last && sameContent(last.style, style)) return [];
    return [
      {
        type: 'HouseStyleAdopted',
        data: { bodyId, version: state.versions.length + 1, style, adoptedAt: at },
      },
    ];
  },
  evolve(state, event) {
    return event.type === 'HouseStyleAdopted' ? { versions: [...state.versions, event.data] } : state;
  },
};
