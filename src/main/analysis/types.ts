import type { Cause } from '../../shared/domain/causes'
import type { CaseBundle } from '../../shared/domain/case-bundle'
import type { Finding } from '../../shared/domain/finding'
import type { AnalysisSettings } from './settings'

/** One file named by case.json, as the analysis sees it. */
export interface BundleFile {
  /** The path as written in case.json. */
  name: string
  role: 'document' | 'selfie'
  /** For documents: front, back or single. */
  side?: 'front' | 'back' | 'single'
  /** The original bytes, or null when the file is missing, unreadable or too large to read. */
  bytes: Buffer | null
  /**
   * What the importer flagged: missing, empty, not-an-image, too-large (bytes or declared
   * pixels: do not decode without a pixel limit), unreadable. Absent when the file looked fine.
   */
  problem?: 'missing' | 'empty' | 'not-an-image' | 'too-large' | 'unreadable'
}

/**
 * Cross-case look-ups (DUPLICATE_IDENTITY). Absent when the analysis runs without a database
 * (`kyc-desk analyze` without --data-dir): those checks are then skipped, not guessed.
 */
export interface CrossCaseLookup {
  /**
   * Look-ups see only attempts submitted before `before` (the attempt being analysed): a
   * duplicate is the later submission, and the result does not depend on the import order.
   */
  casesWithDocumentNumber(normalisedNumber: string, excludeAccountId: string, before: string): Promise<{ caseId: string; attempt: number; accountId: string }[]>
  /**
   * Other accounts' attempts whose best selfie descriptor lies within `maxDistance` (euclidean),
   * with the date of birth and folded name they were submitted under.
   */
  casesWithSimilarFace(embedding: Float32Array, maxDistance: number, excludeAccountId: string, before: string): Promise<
    { caseId: string; attempt: number; accountId: string; distance: number; dateOfBirth: string; nameKey: string }[]
  >
}

/** What one case's analysis starts from. */
export interface AnalysisInput {
  bundle: CaseBundle
  files: BundleFile[]
  settings: AnalysisSettings
  /** The moment the analysis judges time-dependent rules at (expiry, backlog). */
  now: Date
  crossCase?: CrossCaseLookup
}

/**
 * Facts several analysers need (the document's data read from its MRZ, faces, decoded images),
 * computed once per case on first use and shared. Each fact is a memoised async getter, keyed
 * by name: `ctx.fact('mrz', () => readMrz(...))`.
 */
export interface AnalysisContext extends AnalysisInput {
  fact<T>(key: string, compute: () => Promise<T>): Promise<T>
}

export interface Analyser {
  /** Stable id, stored with each finding. */
  id: string
  /** Bumped whenever the analyser's output for the same input can change. */
  version: string
  causes: readonly Cause[]
  /** The sections of analysis-settings.json it reads. */
  settingsSections: readonly string[]
  run(ctx: AnalysisContext): Promise<Finding[]>
}
