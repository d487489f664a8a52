import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { insertCase, listQueue, setCaseCauses } from '../../src/main/db/queries/cases'
import { CAUSES } from '../../src/shared/domain/causes'
import { CASE_STATUSES } from '../../src/shared/domain/case'
import { prng, summarise, time } from './stats'

const FIRST = ['ANNA', 'MEI-HUA', 'JOSE', 'OLGA', 'HIROSHI', 'FATIMA', 'LUCAS', 'PRIYA', 'JONAS', 'AMIRA', 'WEI', 'SOFIA']
const LAST = ['ERIKSSON', 'LIN', 'GARCIA', 'IVANOVA', 'TANAKA', 'HADDAD', 'SILVA', 'SHARMA', 'MULLER', 'NOVAK', 'ZHANG', 'ROSSI']

/** Queue query time over 100,000 generated cases (issue 2: p95 under 20 ms). */
export default async function bench(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_QUEUE_CASES ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-queue-'))
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'))
    const rnd = prng(7)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
    const now = new Date('2026-11-29T00:00:00Z')
    const [, fillMs] = time(() =>
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const first = pick(FIRST)
          const last = pick(LAST)
          const id = insertCase(db, {
            caseId: `BN-2026-${String(i).padStart(6, '0')}`,
            accountId: `u_${i}`,
            email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
            customerName: `${first} ${last}`,
            nativeName: null,
            country: pick(['DEU', 'CHN', 'BRA', 'USA', 'TWN', 'FRA', 'ESP', 'JPN']),
            documentType: pick(['PASSPORT', 'ID_CARD', 'DRIVING_LICENCE']),
            documentNumber: `X${Math.floor(rnd() * 1e8)}`,
            locale: 'en',
            status: rnd() < 0.7 ? pick(['new', 'pending'] as const) : pick(CASE_STATUSES),
            latestAttempt: 1 + Math.floor(rnd() * 3),
            submittedAt: new Date(now.getTime() - rnd() * 60 * 86_400_000).toISOString(),
          }, now.toISOString())
          const causes = [pick(CAUSES), ...(rnd() < 0.3 ? [pick(CAUSES)] : [])]
          setCaseCauses(db, id, causes[0], causes, 'done', now.toISOString())
        }
      })(),
    )
    db.pragma('optimize')

    const runs = 200
    const measure = (q: Parameters<typeof listQueue>[1]) => {
      const samples: number[] = []
      for (let i = 0; i < runs; i++) samples.push(time(() => listQueue(db, q, now))[1])
      return summarise(samples)
    }
    const result = {
      cases: count,
      fillSeconds: Math.round(fillMs) / 1000,
      firstPageOldestOpen: measure({ statuses: ['new', 'pending'], sort: 'oldest', limit: 100 }),
      firstPageStatusAndCause: measure({ statuses: ['new', 'pending'], cause: 'FACE_MISMATCH', sort: 'oldest', limit: 100 }),
      fullTextSearchName: measure({ search: 'ERIKSSON', sort: 'oldest', limit: 100 }),
      fullTextSearchDocumentNumber: measure({ search: 'X1234', sort: 'oldest', limit: 100 }),
      fullTextSearchEmail: measure({ search: 'anna.lin', sort: 'oldest', limit: 100 }),
      deepPage: measure({ statuses: ['new', 'pending'], sort: 'oldest', offset: 50_000, limit: 100 }),
      unit: 'ms per query (page rows + total count), 200 runs each',
    }
    db.close()
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
