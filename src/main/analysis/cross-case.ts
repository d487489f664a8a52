import Database from 'better-sqlite3'
import { attemptsWithDocumentNumber } from '../db/queries/cross-case'
import type { CrossCaseLookup } from './types'

/**
 * Cross-case look-ups against the case database, opened read-only by the analysing worker (WAL
 * lets it read while main writes).
 */
export function openCrossCaseLookup(dbPath: string): { lookup: CrossCaseLookup; close: () => void } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  const lookup: CrossCaseLookup = {
    casesWithDocumentNumber: async (normalised, excludeAccountId) => attemptsWithDocumentNumber(db, normalised, excludeAccountId),
    casesWithSimilarFace: async () => {
      throw new Error('face look-up across cases is not available yet')
    },
  }
  return { lookup, close: () => db.close() }
}
