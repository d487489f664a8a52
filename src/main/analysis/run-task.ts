import { analyseWithContext, createContext } from './engine'
import { ANALYSERS } from './registry'
import { openCrossCaseLookup } from './cross-case'
import { collectFaceArtifacts, getSelfieEmbedding } from './face'
import type { AnalysisTask, TaskResult } from './worker-protocol'

// One read-only connection per database for the life of the worker, with its in-memory copy of
// the face descriptors kept between cases (WAL: each look-up still sees the latest commits).
const lookups = new Map<string, ReturnType<typeof openCrossCaseLookup>>()
function crossCaseFor(dbPath: string, dbKey: string) {
  let entry = lookups.get(dbPath)
  if (!entry) {
    entry = openCrossCaseLookup(dbPath, Buffer.from(dbKey, 'hex'))
    lookups.set(dbPath, entry)
  }
  return entry
}

/** Closes the worker's cached connections (CLI `analyze`, tests). */
export function closeCrossCaseLookups(): void {
  for (const entry of lookups.values()) entry.close()
  lookups.clear()
}

/** Analyses one task; the same code runs in a pool worker and in-process (CLI `analyze`). */
export async function runTask(task: AnalysisTask): Promise<TaskResult> {
  const crossCase = task.dbPath && task.dbKey ? crossCaseFor(task.dbPath, task.dbKey) : undefined
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
}
