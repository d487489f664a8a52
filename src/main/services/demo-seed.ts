import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countCases } from '../db/queries/cases'
import { writeDemoCorpus } from '../demo'
import type { AppServices } from './app-services'

export const DEMO_SEED = 20261129
export const DEMO_COUNT = 60

/** First start: an empty database gets the labelled demo corpus, so the desk opens with a queue. */
export async function seedDemoCasesIfEmpty(services: AppServices, count = DEMO_COUNT): Promise<boolean> {
  if (countCases(services.db) > 0) return false
  const dir = await mkdtemp(join(tmpdir(), 'kyc-desk-demo-'))
  try {
    await writeDemoCorpus(dir, { count, seed: DEMO_SEED })
    await services.importer.importPaths([dir], { agent: 'demo-seed' })
    return true
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
