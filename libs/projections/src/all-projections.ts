import { protocolProjection } from './read-models/protocol.projection.js';
import { registerProjection } from './read-models/register.projection.js';
import { statisticsProjection } from './read-models/statistics.projection.js';
import type { Projection } from './projection.js';

/** Every read model the API serves. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  protocolProjection,
  registerProjection,
  statisticsProjection,
];
