import { describe, expect, it } from 'vitest'
import { insertAttempt, listAttemptFiles, listAttempts } from '../../../../src/main/db/queries/attempts'
import { insertArtifact } from '../../../../src/main/db/queries/artifacts'
import { listAuditEvents } from '../../../../src/main/db/queries/audit'
import { listDecisions, setCaseStatus } from '../../../../src/main/db/queries/decisions'
import { listFindings } from '../../../../src/main/db/queries/findings'
import { CLOSING_DECISIONS, RetentionService } from '../../../../src/main/services/retention-service'
import { finding, seedCase } from '../services/reply-fixtures'
import { attachFiles, decide, desksClosedAfterEach } from './desk-fixture'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const newDesk = desksClosedAfterEach(NOW)

/**
 * Five cases, retention 90 days:
 *  A approved 151 days ago — shares its selfie with B;
 *  B still open;
 *  C rejected 31 days ago (younger than the limit);
 *  D rejected 151 days ago, then reopened by a new attempt (status new);
 *  E escalated 151 days ago (not a closing decision).
 */
async function desk() {
  const d = newDesk()
  const seed = (caseId: string) => seedCase(d.db, { caseId, findings: [finding('FACE_MISMATCH', 'LOW_SIMILARITY', 'blocker', ['RETAKE_SELFIE'])] })
  const cases = { A: seed('A'), B: seed('B'), C: seed('C'), D: seed('D'), E: seed('E') }
  const shas = {
    ...(await attachFiles(d.db, d.store, cases.A, [
      { name: 'passport.jpg', role: 'document', original: 'A-doc', preview: 'A-preview', crop: 'A-doc-face' },
      { name: 'selfie.jpg', role: 'selfie', original: 'shared-selfie', crop: 'shared-selfie-face' },
    ])),
    ...(await attachFiles(d.db, d.store, cases.B, [
      { name: 'id.jpg', role: 'document', original: 'B-doc' },
      { name: 'selfie.jpg', role: 'selfie', original: 'shared-selfie', crop: 'shared-selfie-face' },
    ])),
    ...(await attachFiles(d.db, d.store, cases.C, [{ name: 'passport.jpg', role: 'document', original: 'C-doc' }])),
    ...(await attachFiles(d.db, d.store, cases.D, [{ name: 'passport.jpg', role: 'document', original: 'D-doc' }])),
    ...(await attachFiles(d.db, d.store, cases.E, [{ name: 'passport.jpg', role: 'document', original: 'E-doc' }])),
  }
  decide(d.db, cases.A, 'approve_override', '2026-01-01T09:00:00.000Z')
  decide(d.db, cases.C, 'reject_final', '2026-05-01T09:00:00.000Z')
  decide(d.db, cases.D, 'reject_final', '2026-01-01T09:00:00.000Z')
  setCaseStatus(d.db, cases.D, 'new', '2026-02-01T09:00:00.000Z')
  decide(d.db, cases.E, 'escalate', '2026-01-01T09:00:00.000Z')
  const retention = new RetentionService(d.db, d.store, d.policy, d.audit, d.clock)
  const stored = (text: string) => d.store.has(shas[text])
  return { ...d, cases, shas, retention, stored }
}

describe('which images the retention policy deletes', () => {
  it('only approve and reject close a case', () => {
    expect([...CLOSING_DECISIONS].sort()).toEqual(['approve_override', 'reject_final'])
  })

  it('a dry run reports the selection and changes nothing', async () => {
    const d = await desk()
    const auditBefore = listAuditEvents(d.db, {}, 1000, 0).total
    const run = d.retention.run({ dryRun: true })
    expect(run).toMatchObject({ dryRun: true, cases: 1, attempts: 1, files: 3, sharedKept: 2, caseIds: ['A'], closedBefore: '2026-03-03T12:00:00.000Z' })
    expect(run.bytes).toBe(['A-doc', 'A-preview', 'A-doc-face'].reduce((n, t) => n + t.length, 0))
    for (const t of Object.keys(d.shas)) expect(d.stored(t), t).toBe(true)
    expect(listAttemptFiles(d.db, listAttempts(d.db, d.cases.A)[0].id).every((f) => f.purgedAt === null)).toBe(true)
    expect(listAuditEvents(d.db, {}, 1000, 0).total).toBe(auditBefore)
  })

  it('deletes the closed case\'s own files; an open case sharing an image keeps it; younger, reopened and escalated cases keep theirs', async () => {
    const d = await desk()
    const run = d.retention.run()
    expect(run).toMatchObject({ dryRun: false, cases: 1, files: 3, sharedKept: 2 })
    expect(['A-doc', 'A-preview', 'A-doc-face'].map(d.stored)).toEqual([false, false, false])
    // B is open and uses the same selfie bytes (and so the same face crop).
    expect(d.stored('shared-selfie')).toBe(true)
    expect(d.stored('shared-selfie-face')).toBe(true)
    expect(['B-doc', 'C-doc', 'D-doc', 'E-doc'].map(d.stored)).toEqual([true, true, true, true])

    const files = listAttemptFiles(d.db, listAttempts(d.db, d.cases.A)[0].id)
    expect(files.map((f) => f.purgedAt)).toEqual([NOW.toISOString(), NOW.toISOString()])
    expect(listAttemptFiles(d.db, listAttempts(d.db, d.cases.B)[0].id).every((f) => f.purgedAt === null)).toBe(true)
    // Findings, decisions and the audit log are kept; the purge itself is audited.
    expect(listFindings(d.db, listAttempts(d.db, d.cases.A)[0].id)).toHaveLength(1)
    expect(listDecisions(d.db, d.cases.A)).toHaveLength(1)
    const events = listAuditEvents(d.db, { action: 'retention.purged' }, 10, 0).events
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ caseId: d.cases.A, agent: 'system:retention', detail: { status: 'approved', retentionDays: 90 } })
    expect(d.policy.view().lastRetentionRun).toMatchObject({ cases: 1, files: 3 })

    // Nothing is due any more.
    expect(d.retention.run()).toMatchObject({ cases: 0, files: 0 })
  })

  it('the shared image goes once the last case using it is purged too', async () => {
    const d = await desk()
    d.retention.run()
    decide(d.db, d.cases.B, 'approve_override', '2026-01-02T09:00:00.000Z')
    const run = d.retention.run()
    expect(run).toMatchObject({ cases: 1, files: 3, sharedKept: 0, caseIds: ['B'] })
    expect(['shared-selfie', 'shared-selfie-face', 'B-doc'].map(d.stored)).toEqual([false, false, false])
  })

  it('follows the policy setting: a shorter period reaches the younger case, 0 turns retention off', async () => {
    const d = await desk()
    d.policy.save({ retentionDays: 0 })
    expect(d.retention.run()).toMatchObject({ closedBefore: null, cases: 0, files: 0 })
    expect(d.stored('A-doc')).toBe(true)
    d.policy.save({ retentionDays: 30 })
    expect(d.retention.run().caseIds.sort()).toEqual(['A', 'C'])
  })

  it('the background run goes in batches, with the same result, recorded once', async () => {
    const d = await desk()
    d.policy.save({ retentionDays: 30 })
    const run = await d.retention.runInBatches(1)
    expect(run).toMatchObject({ cases: 2, files: 4, caseIds: ['A', 'C'] })
    expect(['A-doc', 'A-preview', 'A-doc-face', 'C-doc'].map(d.stored)).toEqual([false, false, false, false])
    expect(d.policy.view().lastRetentionRun).toMatchObject({ cases: 2, files: 4 })
    expect(listAuditEvents(d.db, { action: 'retention.purged' }, 10, 0).total).toBe(2)
  })

  it('a case closed, reopened by a new attempt and closed again is purged again', async () => {
    const d = await desk()
    d.retention.run()
    // The customer's second attempt reopens the case (the import sets its status back to new).
    const second = insertAttempt(d.db, {
      casePk: d.cases.A, attempt: 3, submittedAt: '2026-02-01T09:00:00.000Z', platformStatus: 'failed', accountId: 'u_8812', documentNumberNorm: '000000000',
      caseJson: '{}', contentHash: 'A-3', sourceLabel: 'test', importedAt: '2026-02-01T09:00:00.000Z',
    })
    setCaseStatus(d.db, d.cases.A, 'new', '2026-02-01T09:00:00.000Z')
    const added = await attachFiles(d.db, d.store, d.cases.A, [{ name: 'passport-2.jpg', role: 'document', original: 'A-doc-2' }], second)
    expect(d.retention.run().cases).toBe(0)
    decide(d.db, d.cases.A, 'reject_final', '2026-02-02T09:00:00.000Z')
    expect(d.retention.run()).toMatchObject({ cases: 1, files: 1, caseIds: ['A'] })
    expect(d.store.has(added['A-doc-2'])).toBe(false)
  })

  it('a file a run marked but did not delete (a crash) is deleted by the next run', async () => {
    const d = await desk()
    const removed: string[] = []
    const failing = Object.create(d.store) as typeof d.store
    failing.remove = (sha: string) => {
      removed.push(sha)
      throw new Error('disk went away')
    }
    expect(() => new RetentionService(d.db, failing, d.policy, d.audit, d.clock).run()).toThrow('disk went away')
    expect(d.stored('A-doc') || d.stored('A-preview') || d.stored('A-doc-face')).toBe(true)
    d.retention.run()
    expect(['A-doc', 'A-preview', 'A-doc-face'].map(d.stored)).toEqual([false, false, false])
  })

  it('bytes imported again after a purge are stored again', async () => {
    const d = await desk()
    d.retention.run()
    insertArtifact(d.db, { sha256: d.shas['A-doc'], mime: 'image/jpeg', bytes: 5, width: 10, height: 10 }, NOW.toISOString())
    expect(d.db.prepare('SELECT purged_at FROM artifacts WHERE sha256 = ?').pluck().get(d.shas['A-doc'])).toBeNull()
  })
})
