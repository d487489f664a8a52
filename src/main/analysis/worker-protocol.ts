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
  /** Its key (hex), passed in memory with the task: never through the environment or a file. */
  dbKey?: string
}

/** What a worker sends back: the analysis plus the faces it found (crops as PNG bytes). */
export interface TaskResult extends AnalysisResult {
  faces: Array<{
    file: string
    role: 'document' | 'selfie'
    faces: Array<{ box: { x: number; y: number; w: number; h: number }; score: number; pose?: { yaw: number; pitch: number; roll: number }; crop: Uint8Array }>
  }>
  /** The best selfie face's descriptor, for the duplicate-face index; null when none is usable. */
  selfieEmbedding: Float32Array | null
}

export type WorkerRequest = { id: number; task: AnalysisTask }
export type WorkerResponse = { id: number; ok: true; result: TaskResult } | { id: number; ok: false; error: string }
