export * from './views.js';
export * from './render.js';
export * from './swedish.js';
export * from './output/index.js';
export * from './documents/voting-appendix.js';
export type { HouseStyle, MotionPhraseParts, VoteResultParts } from './templates/house-style.js';
export type {
  HouseStyleDocument,
  HouseStyleDraft,
  HouseStyleSettings,
  SectionSetting,
} from './style/document.js';
export {
  paragraphSectionIds,
  templateCatalogue,
  templateKeys,
  lineTemplateCatalogue,
  headingVariables,
} from './style/catalogue.js';
export {
  compileHouseStyle,
  validateHouseStyle,
  HouseStyleInvalidError,
  type StyleProblem,
} from './style/compile.js';
export { DEFAULT_STYLE_ID, shippedHouseStyle, shippedStyle, shippedStyles } from './style/shipped.js';
export { styleInForce, documentStyle, protocolFixedAt, type AdoptedStyle } from './style/in-force.js';
export { previewSample } from './style/sample.js';
