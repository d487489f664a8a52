import type { CaseBundle } from '../../../shared/domain/case-bundle'

export type UploadRow = NonNullable<CaseBundle['uploads']>[number]

/** Why one attempt failed, most specific first; null = it completed. */
export type AttemptFailure = 'timeout' | 'no_response' | 'incomplete' | 'server_error' | 'rejected' | 'error'

export interface Attempt {
  row: UploadRow
  startedAt: number
  failure: AttemptFailure | null
}

export function classifyAttempt(u: UploadRow): AttemptFailure | null {
  if (u.error === 'timeout' || u.httpStatus === 408) return 'timeout'
  // A body that never fully left the device is the consequence that matters, whatever the status.
  if (u.bytesSent < u.bytesTotal) return 'incomplete'
  if (u.httpStatus === 0) return 'no_response'
  if (u.httpStatus !== undefined && u.httpStatus >= 500) return 'server_error'
  // 4xx other than 408 (413 too large, 415 type): the server refused the file; a file problem, not the network.
  if (u.httpStatus !== undefined && u.httpStatus >= 400) return 'rejected'
  if (u.error) return 'error'
  return null
}

export interface FileUploads {
  file: string
  /** In time order (input order kept for equal start times). */
  attempts: Attempt[]
  last: Attempt
  failedCount: number
  /** The last attempt completed after at least one failure. */
  recovered: boolean
}

/** Upload attempts grouped by file, each group in time order. Files with no failed attempt are left out. */
export function filesWithFailedUploads(uploads: readonly UploadRow[]): FileUploads[] {
  const byFile = new Map<string, Attempt[]>()
  uploads.forEach((row) => {
    const list = byFile.get(row.file) ?? []
    list.push({ row, startedAt: Date.parse(row.startedAt), failure: classifyAttempt(row) })
    byFile.set(row.file, list)
  })
  const out: FileUploads[] = []
  for (const [file, attempts] of byFile) {
    // Array.prototype.sort is stable: equal start times keep their input order.
    attempts.sort((a, b) => (a.startedAt || 0) - (b.startedAt || 0))
    const failedCount = attempts.filter((a) => a.failure !== null).length
    if (failedCount === 0) continue
    const last = attempts[attempts.length - 1]
    out.push({ file, attempts, last, failedCount, recovered: last.failure === null })
  }
  return out
}
