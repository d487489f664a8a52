import type { CaseBundle } from '../../shared/domain/case-bundle'
import type { AnalysisSettings } from './settings'
import type { AnalysisResult } from './engine'
import type { BundleFile } from './types'

/** One case to analyse, as sent to a worker (file bytes are transferred, not copied). */
export interface AnalysisTask {
  bundle: CaseBundle
  files: Array<Omit<BundleFile, 'bytes'> & { bytes: Uint8Array | null }>
  settings: AnalysisSettings
  now: string
  /** The case database, opened read-only by the worker for cross-case checks; absent = skipped. */
  dbPath?: string
}

export type WorkerRequest = { id: number; task: AnalysisTask }
export type WorkerResponse = { id: number; ok: true; result: AnalysisResult } | { id: number; ok: false; error: string }
