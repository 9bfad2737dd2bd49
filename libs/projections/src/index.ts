export * from './db.js';
export * from './projection.js';
export * from './runner.js';
export * from './thread.js';
export * from './read-models/queries.js';
export * from './read-models/csv.js';
export * from './audit.js';
export { protocolProjection } from './read-models/protocol.projection.js';
export { registerProjection, decisionText } from './read-models/register.projection.js';
export { statisticsProjection } from './read-models/statistics.projection.js';
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
export * from './paths.js';
export * from './house-styles.js';
