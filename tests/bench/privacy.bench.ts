import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { insertCase } from '../../src/main/db/queries/cases'
import { insertAttempt, insertAttemptFile } from '../../src/main/db/queries/attempts'
import { insertArtifact } from '../../src/main/db/queries/artifacts'
import { insertDecision, setCaseStatus } from '../../src/main/db/queries/decisions'
import { ArtifactStore } from '../../src/main/store/artifact-store'
import { AuditService } from '../../src/main/services/audit-service'
import { PolicyService } from '../../src/main/services/policy-service'
import { RETENTION_BATCH_CASES, RetentionService } from '../../src/main/services/retention-service'
import { createLogger } from '../../src/main/logging/logger'
import { knownPiiOf } from '../../src/main/logging/app-logger'
import { freshKeys } from '../helpers/keys'
import { prng, summarise, time } from './stats'

const FIRST = ['ANNA', 'MEI-HUA', 'JOSE', 'OLGA', 'HIROSHI', 'FATIMA', 'LUCAS', 'PRIYA', 'JONAS', 'AMIRA', 'WEI', 'SOFIA']
const LAST = ['ERIKSSON', 'LIN', 'GARCIA', 'IVANOVA', 'TANAKA', 'HADDAD', 'SILVA', 'SHARMA', 'MULLER', 'NOVAK', 'ZHANG', 'ROSSI']
const DAY = 86_400_000

/**
 * Issue 9 costs at desk scale (BENCH_PRIVACY_CASES, default 100,000 cases with 3 image files
 * each, a third closed over a year): the retention purge's selection (dry run), the purge in the
 * app's batches (the database side; the files are not on disk here, so unlinks are not in the
 * figure), the daily run when nothing is due, and the log redaction (its dictionary of every
 * customer, and a line).
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_PRIVACY_CASES ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-privacy-'))
  try {
    const keys = freshKeys()
    const db = openDatabase(join(dir, 'bench.sqlite'), keys.database)
    const store = new ArtifactStore(dir, keys.artifacts)
    const now = new Date('2026-11-29T00:00:00Z')
    const rnd = prng(9)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
    const hex = (n: number) => n.toString(16).padStart(64, '0')
    let closed = 0
    const [, fillMs] = time(() =>
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const at = new Date(now.getTime() - rnd() * 365 * DAY).toISOString()
          const casePk = insertCase(db, {
            caseId: `BN-${i}`, accountId: `u_${i}`, email: `c${i}@example.com`, customerName: `${pick(FIRST)} ${pick(LAST)}`, nativeName: null,
            country: 'DEU', documentType: 'PASSPORT', documentNumber: `X${String(i).padStart(8, '0')}`, locale: 'en', status: 'new', latestAttempt: 1, submittedAt: at,
          }, at)
          const attemptPk = insertAttempt(db, {
            casePk, attempt: 1, submittedAt: at, platformStatus: 'failed', accountId: `u_${i}`, documentNumberNorm: `X${String(i).padStart(8, '0')}`,
            caseJson: '{}', contentHash: `h${i}`, sourceLabel: 'bench', importedAt: at,
          })
          for (let f = 0; f < 3; f++) {
            // 1 % of selfies are byte-identical to another case's (a resubmitted photo): shared files.
            const sha = f === 2 && rnd() < 0.01 ? hex(3 * Math.floor(rnd() * count) + 2) : hex(3 * i + f)
            insertArtifact(db, { sha256: sha, mime: 'image/jpeg', bytes: 200_000, width: 1000, height: 700 }, at)
            insertAttemptFile(db, attemptPk, { role: f === 2 ? 'selfie' : 'document', position: f, name: `f${f}.jpg`, side: null, sha256: sha, previewSha256: null, thumbSha256: null, problem: null })
          }
          if (rnd() < 0.33) {
            const kind = rnd() < 0.5 ? 'approve_override' : 'reject_final'
            insertDecision(db, { casePk, attemptPk, kind, reason: 'bench', remedies: [], agent: 'bench', decidedAt: at })
            setCaseStatus(db, casePk, kind === 'approve_override' ? 'approved' : 'rejected', at)
            closed++
          }
        }
      })(),
    )
    db.pragma('optimize')
    const audit = new AuditService(db, () => now)
    const policy = new PolicyService(db, audit, () => now)
    const retention = new RetentionService(db, store, policy, audit, () => now)

    const [dry, dryMs] = time(() => retention.run({ dryRun: true }))
    // The app's way: batches of RETENTION_BATCH_CASES, one transaction each.
    const batches: number[] = []
    const real = { cases: 0, files: 0, sharedKept: 0 }
    for (;;) {
      const [b, ms] = time(() => retention.run({ maxCases: RETENTION_BATCH_CASES, record: false }))
      batches.push(ms)
      real.cases += b.cases
      real.files += b.files
      real.sharedKept += b.sharedKept
      if (b.due < RETENTION_BATCH_CASES) break
    }
    const idle: number[] = []
    for (let i = 0; i < 5; i++) idle.push(time(() => retention.run())[1])

    // Log redaction: the dictionary of every customer name and document number, then one line.
    const known = knownPiiOf(db)
    const [, dictionaryMs] = time(() => known())
    const logger = createLogger({ known })
    const line: number[] = []
    for (let i = 0; i < 200; i++) line.push(time(() => logger.info(`api cases:list ok 3ms {"search":"eriksson ${i}","note":"X${String(i).padStart(8, '0')} born 1974-08-12"}`))[1])
    db.close()
    return {
      cases: count,
      closed,
      fillMs: Math.round(fillMs),
      retention: {
        dryRunMs: Math.round(dryMs),
        batchMs: summarise(batches),
        runMs: Math.round(batches.reduce((a, b) => a + b, 0)),
        purgedCases: real.cases,
        files: real.files,
        sharedKept: real.sharedKept,
        dryRunAgrees: dry.cases === real.cases && dry.files === real.files,
        nothingDueMs: summarise(idle),
      },
      logRedaction: { dictionaryBuildMs: Math.round(dictionaryMs), lineMs: summarise(line) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
