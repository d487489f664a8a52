import { iso } from './account'
import type { Rng } from './prng'

/** The client's upload log: one row per attempt, as in the bundle's `uploads`. */
export interface UploadRow {
  file: string
  startedAt: string
  endedAt?: string
  bytesSent: number
  bytesTotal: number
  httpStatus?: number
  error?: string
}

export type UploadTrouble = 'NONE' | 'RETRIES' | 'BROKEN'

export interface UploadFile {
  name: string
  /** Size of the file the client meant to send. */
  bytes: number
  /** The file to break off in a BROKEN upload. */
  breaks?: boolean
}

/**
 * `RETRIES`: on mobile data, uploads time out 2-4 times before one gets through.
 * `BROKEN`: the last attempt of the marked file broke off; the server kept what arrived.
 * Returns the rows, and for BROKEN how many bytes of the marked file arrived.
 */
export function makeUploads(files: UploadFile[], start: number, trouble: UploadTrouble, rng: Rng): { rows: UploadRow[]; receivedBytes?: number; params: Record<string, number | string> } {
  const rows: UploadRow[] = []
  const params: Record<string, number | string> = {}
  let t = start
  let receivedBytes: number | undefined
  let failedAttempts = 0
  for (const f of files) {
    const retries = trouble === 'RETRIES' ? rng.int(2, 4) : trouble === 'BROKEN' && f.breaks ? rng.int(1, 3) : 0
    for (let i = 0; i < retries; i++) {
      const timeout = rng.chance(0.6)
      const sent = Math.round(f.bytes * rng.float(0.05, 0.6))
      const dur = timeout ? 30_000 : rng.int(3, 20) * 1000
      rows.push({
        file: f.name,
        startedAt: iso(t),
        endedAt: iso(t + dur),
        bytesSent: sent,
        bytesTotal: f.bytes,
        httpStatus: timeout ? rng.pick([0, 408]) : 0,
        error: timeout ? 'timeout' : 'connection_reset',
      })
      failedAttempts++
      t += dur + rng.int(2, 8) * 1000
    }
    if (trouble === 'BROKEN' && f.breaks) {
      const sent = Math.round(f.bytes * rng.float(0.3, 0.75))
      const dur = rng.int(8, 25) * 1000
      rows.push({ file: f.name, startedAt: iso(t), endedAt: iso(t + dur), bytesSent: sent, bytesTotal: f.bytes, httpStatus: 0, error: 'connection_reset' })
      receivedBytes = sent
      params.brokenFile = f.name
      params.bytesReceived = sent
      params.bytesTotal = f.bytes
      t += dur + rng.int(1, 4) * 1000
      continue
    }
    const dur = Math.max(600, Math.round((f.bytes / (trouble === 'NONE' ? rng.int(400_000, 1_500_000) : rng.int(40_000, 150_000))) * 1000))
    rows.push({ file: f.name, startedAt: iso(t), endedAt: iso(t + dur), bytesSent: f.bytes, bytesTotal: f.bytes, httpStatus: 200 })
    t += dur + rng.int(1, 5) * 1000
  }
  if (failedAttempts) params.failedAttempts = failedAttempts
  return { rows, ...(receivedBytes !== undefined ? { receivedBytes } : {}), params }
}
