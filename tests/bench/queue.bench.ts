import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { insertCase, listQueue, queueCounts, resolveQueueQuery, setCaseAssignee, setCaseCauses } from '../../src/main/db/queries/cases'
import type { QueueQuery } from '../../src/shared/domain/case'
import { CAUSES } from '../../src/shared/domain/causes'
import { CASE_STATUSES } from '../../src/shared/domain/case'
import { prng, summarise, time } from './stats'
import { freshKeys } from '../helpers/keys'

const FIRST = ['ANNA', 'MEI-HUA', 'JOSE', 'OLGA', 'HIROSHI', 'FATIMA', 'LUCAS', 'PRIYA', 'JONAS', 'AMIRA', 'WEI', 'SOFIA']
const LAST = ['ERIKSSON', 'LIN', 'GARCIA', 'IVANOVA', 'TANAKA', 'HADDAD', 'SILVA', 'SHARMA', 'MULLER', 'NOVAK', 'ZHANG', 'ROSSI']

/** Queue query time over 100,000 generated cases (issue 2: p95 under 20 ms). */
export default async function bench(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_QUEUE_CASES ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-queue-'))
  try {
    // Encrypted like every case database (the cost of encryption is part of the figure).
    const db = openDatabase(join(dir, 'bench.sqlite'), freshKeys().database)
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
          // 40 agents share 30 % of the queue; the rest is unassigned.
          if (rnd() < 0.3) setCaseAssignee(db, id, `agent${Math.floor(rnd() * 40)}`, now.toISOString())
        }
      })(),
    )
    db.pragma('optimize')

    const runs = 200
    // cases:list (the page and its total) and cases:counts (the side panel) are separate calls:
    // the page is shown first, the counts follow.
    const measure = (query: QueueQuery) => {
      const q = resolveQueueQuery(query, () => 'agent7')
      const list: number[] = []
      const counts: number[] = []
      for (let i = 0; i < runs; i++) {
        list.push(time(() => listQueue(db, q, now))[1])
        if (i < runs / 4) counts.push(time(() => queueCounts(db, q, now))[1])
      }
      return { list: summarise(list), counts: summarise(counts) }
    }
    const result = {
      cases: count,
      fillSeconds: Math.round(fillMs) / 1000,
      firstPageOldestOpen: measure({ statuses: ['new', 'pending'], sort: 'oldest', limit: 100 }),
      firstPageStatusAndCause: measure({ statuses: ['new', 'pending'], causes: ['FACE_MISMATCH'], sort: 'oldest', limit: 100 }),
      firstPageTwoCauses: measure({ statuses: ['new', 'pending'], causes: ['FACE_MISMATCH', 'FACE_CAPTURE_FAILED'], sort: 'oldest', limit: 100 }),
      myOpen: measure({ statuses: ['new', 'pending', 'escalated'], assignee: 'me', sort: 'oldest', limit: 100 }),
      unassignedOpen: measure({ statuses: ['new', 'pending', 'escalated'], assignee: 'unassigned', sort: 'oldest', limit: 100 }),
      fullTextSearchName: measure({ search: 'ERIKSSON', sort: 'oldest', limit: 100 }),
      fullTextSearchDocumentNumber: measure({ search: 'X1234', sort: 'oldest', limit: 100 }),
      fullTextSearchEmail: measure({ search: 'anna.lin', sort: 'oldest', limit: 100 }),
      deepPage: measure({ statuses: ['new', 'pending'], sort: 'oldest', offset: 50_000, limit: 100 }),
      unit: 'ms; list = page rows + total (200 runs), counts = by status, cause and country (50 runs)',
    }
    db.close()
    return result
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.error('kept', dir)
  }
}
