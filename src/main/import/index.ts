/**
 * Safe reading of case bundles (shared/spec/case-bundle.md): paths on disk → validated
 * in-memory bundles or precise rejections. No database here: services/import-service.ts
 * stores what this returns. The format as implemented: docs/case-bundle.md.
 */
export { discoverBundles } from './discover'
export { readBundle } from './read-bundle'
export { quarantine, type QuarantineReason } from './quarantine'
export type {
  BundleFileRead,
  BundleSource,
  FileProblem,
  ReadError,
  ReadOk,
  ReadRejected,
  ReadResult,
  RejectRule,
} from './types'
