import { analyseCase, type AnalysisResult } from './engine'
import { ANALYSERS } from './registry'
import { openCrossCaseLookup } from './cross-case'
import type { AnalysisTask } from './worker-protocol'

/** Analyses one task; the same code runs in a pool worker and in-process (CLI `analyze`). */
export async function runTask(task: AnalysisTask): Promise<AnalysisResult> {
  const crossCase = task.dbPath ? openCrossCaseLookup(task.dbPath) : undefined
  try {
    return await analyseCase(
      {
        bundle: task.bundle,
        files: task.files.map((f) => ({ ...f, bytes: f.bytes ? Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) : null })),
        settings: task.settings,
        now: new Date(task.now),
        crossCase: crossCase?.lookup,
      },
      ANALYSERS,
    )
  } finally {
    crossCase?.close()
  }
}
