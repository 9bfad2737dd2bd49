export * from './views.js';
export * from './render.js';
export * from './swedish.js';
export type { Block } from './blocks.js';
export type { HouseStyle, MotionPhraseParts, VoteResultParts } from './templates/house-style.js';
export { defaultSwedishHouseStyle } from './templates/default-sv.js';
