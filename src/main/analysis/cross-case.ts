import { openReadOnly, type DatabaseKey } from '../db/connection'
import { attemptsWithDocumentNumber, nearestFaces } from '../db/queries/cross-case'
import type { CrossCaseLookup } from './types'

/** How many nearest faces to fetch before dropping the applicant's own account's attempts. */
const NEAREST = 25

/**
 * Cross-case look-ups against the case database, opened read-only by the analysing worker (WAL
 * lets it read while main writes).
 */
export function openCrossCaseLookup(dbPath: string, key: DatabaseKey): { lookup: CrossCaseLookup; close: () => void } {
  const db = openReadOnly(dbPath, key)
  const lookup: CrossCaseLookup = {
    casesWithDocumentNumber: async (normalised, excludeAccountId, before) => attemptsWithDocumentNumber(db, normalised, excludeAccountId, before),
    casesWithSimilarFace: async (embedding, maxDistance, excludeAccountId, before) =>
      nearestFaces(db, embedding, NEAREST)
        .filter((r) => r.accountId !== excludeAccountId && r.distance <= maxDistance && r.submittedAt < before)
        .map(({ caseId, attempt, accountId, distance, dateOfBirth, nameKey }) => ({ caseId, attempt, accountId, distance, dateOfBirth, nameKey })),
  }
  return { lookup, close: () => db.close() }
}
