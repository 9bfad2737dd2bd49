export { SEAL_STREAM, SEAL_EVENT, ZERO_ROOT, TIMESTAMP_SKEW_MS } from './verifier/records.js';
export type {
  BreakKind,
  IntegrityBreak,
  SealData,
  VerifyReport,
  VerifiableEvent,
} from './verifier/records.js';
export { Verifier } from './verifier/verifier.js';
