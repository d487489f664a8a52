import { analyseWithContext, createContext } from './engine'
import { ANALYSERS } from './registry'
import { openCrossCaseLookup } from './cross-case'
import { collectFaceArtifacts, getSelfieEmbedding } from './face'
import type { AnalysisTask, TaskResult } from './worker-protocol'

/** Analyses one task; the same code runs in a pool worker and in-process (CLI `analyze`). */
export async function runTask(task: AnalysisTask): Promise<TaskResult> {
  const crossCase = task.dbPath ? openCrossCaseLookup(task.dbPath) : undefined
  try {
    const ctx = createContext({
      bundle: task.bundle,
      files: task.files.map((f) => ({ ...f, bytes: f.bytes ? Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) : null })),
      settings: task.settings,
      now: new Date(task.now),
      crossCase: crossCase?.lookup,
    })
    const result = await analyseWithContext(ctx, ANALYSERS)
    // Faces are facts the analysers already computed (memoised): collecting them costs little.
    const [faces, selfieEmbedding] = await Promise.all([
      collectFaceArtifacts(ctx).catch(() => []),
      getSelfieEmbedding(ctx).catch(() => null),
    ])
    return { ...result, faces, selfieEmbedding }
  } finally {
    crossCase?.close()
  }
}
