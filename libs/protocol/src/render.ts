/**
 * Renders a paragraph extract (protokollsutdrag) or a whole protocol from the views.
 *
 * Rendering is two steps: the content is laid out as format-neutral blocks (what to show,
 * in which order, worded by the house style), then the blocks are written as plain text or
 * Markdown. So the formats cannot drift apart in content, and a house style never sees
 * formatting.
 */
export {
  extractDocument,
  renderExtract,
  protocolDocument,
  renderProtocol,
  votingAppendixDocument,
  renderVotingAppendix,
} from './render/document.js';
export type { RenderFormat, DocumentOptions, RenderOptions } from './render/document.js';
export type { SealNote } from './render/protocol.js';
