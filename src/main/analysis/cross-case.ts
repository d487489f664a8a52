import { openReadOnly, type DatabaseKey } from '../db/connection'
import { attemptsWithDocumentNumber, nearestFaces } from '../db/queries/cross-case'
import { FaceIndexMirror } from './face-index-mirror'
import type { CrossCaseLookup } from './types'

/** How many nearest faces to fetch before dropping the applicant's own account's attempts. */
const NEAREST = 25

/**
 * Cross-case look-ups against the case database, opened read-only by the analysing worker (WAL
 * lets it read while main writes). Document numbers are an index probe on the file; faces are
 * searched in the worker's in-memory copy, caught up with the file first (face-index-mirror.ts).
 */
export function openCrossCaseLookup(dbPath: string, key: DatabaseKey): { lookup: CrossCaseLookup; close: () => void } {
  const db = openReadOnly(dbPath, key)
  let faces: FaceIndexMirror | undefined
  const lookup: CrossCaseLookup = {
    casesWithDocumentNumber: async (normalised, excludeAccountId, before) => attemptsWithDocumentNumber(db, normalised, excludeAccountId, before),
    casesWithSimilarFace: async (embedding, maxDistance, excludeAccountId, before) => {
      faces ??= new FaceIndexMirror(db)
      faces.sync()
      return nearestFaces(faces.memory, embedding, NEAREST)
        .filter((r) => r.accountId !== excludeAccountId && r.distance <= maxDistance && r.submittedAt < before)
        .map(({ caseId, attempt, accountId, distance, dateOfBirth, nameKey }) => ({ caseId, attempt, accountId, distance, dateOfBirth, nameKey }))
    },
  }
  return {
    lookup,
    close: () => {
      faces?.close()
      db.close()
    },
  }
}
