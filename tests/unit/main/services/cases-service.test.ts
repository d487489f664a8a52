import { afterEach, describe, expect, it } from 'vitest'
import { CasesService } from '../../../../src/main/services/cases-service'
import { openReplyServices, type ReplyServices } from '../../../../src/main/services/reply-handlers'
import { MemorySecretStore } from '../../../../src/main/outbox/secret-store'
import { setCaseCauses } from '../../../../src/main/db/queries/cases'
import type { Db } from '../../../../src/main/db/connection'
import { QUALITY_FINDINGS, seedCase, tempDb } from './reply-fixtures'

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

const clock = () => new Date('2025-02-07T12:00:00.000Z')

function open(agent = 'alex'): { db: Db; cases: CasesService; replies: ReplyServices } {
  const t = tempDb()
  cleanup = t.cleanup
  const replies = openReplyServices(t.db, { startSender: false, secrets: new MemorySecretStore(), clock })
  replies.audit.setAgentName(agent)
  return { db: t.db, cases: new CasesService(t.db, replies.audit, clock), replies }
}

const ids = (page: { rows: Array<{ caseId: string }> }) => page.rows.map((r) => r.caseId).sort()

describe('assignment', () => {
  it('takes a case for the agent, lists it under "me", gives it back; each change audited', () => {
    const { db, cases, replies } = open()
    const a = seedCase(db, { caseId: 'BN-1' })
    seedCase(db, { caseId: 'BN-2' })
    expect(ids(cases.list({ assignee: 'me' }))).toEqual([])
    expect(ids(cases.list({ assignee: 'unassigned' }))).toEqual(['BN-1', 'BN-2'])

    expect(cases.assign(a, 'me').assignee).toBe('alex')
    expect(ids(cases.list({ assignee: 'me' }))).toEqual(['BN-1'])
    expect(ids(cases.list({ assignee: 'unassigned' }))).toEqual(['BN-2'])
    // Another agent on this desk (the name in Settings changed) does not see it as theirs.
    replies.audit.setAgentName('sam')
    expect(ids(cases.list({ assignee: 'me' }))).toEqual([])
    expect(cases.assign(a, 'me').assignee).toBe('sam')

    expect(cases.assign(a, 'nobody').assignee).toBeNull()
    const events = replies.audit.list({ action: 'case.assigned' }).events
    expect(events.map((e) => [e.agent, e.detail])).toEqual(expect.arrayContaining([
      ['alex', { from: null, to: 'alex' }], ['sam', { from: 'alex', to: 'sam' }], ['sam', { from: 'sam', to: null }],
    ]))
    expect(() => cases.assign(999, 'me')).toThrow(/no case with id 999/)
  })

  it('a decision makes its author the owner of an unassigned case, and leaves someone else’s alone', () => {
    const { db, cases, replies } = open()
    const free = seedCase(db, { caseId: 'BN-1', findings: QUALITY_FINDINGS })
    const taken = seedCase(db, { caseId: 'BN-2', findings: QUALITY_FINDINGS })
    replies.audit.setAgentName('sam')
    cases.assign(taken, 'me')
    replies.audit.setAgentName('alex')
    for (const id of [free, taken]) replies.decisions.record({ caseId: id, kind: 'escalate', reason: 'second look' })
    expect(cases.get(free).row.assignee).toBe('alex')
    expect(cases.get(taken).row.assignee).toBe('sam')
  })
})

describe('the case page', () => {
  it('lists the account’s other cases, newest first, not the case itself', () => {
    const { db, cases } = open()
    const a = seedCase(db, { caseId: 'BN-1' }) // seedCase puts every case on account u_8812
    const b = seedCase(db, { caseId: 'BN-2' })
    db.prepare("UPDATE cases SET submitted_at = '2025-03-01T00:00:00.000Z' WHERE id = ?").run(b)
    const c = seedCase(db, { caseId: 'BN-3' })
    db.prepare("UPDATE cases SET account_id = 'u_other' WHERE id = ?").run(c)
    expect(cases.get(a).accountCases.map((r) => r.caseId)).toEqual(['BN-2'])
    expect(cases.get(b).accountCases.map((r) => r.caseId)).toEqual(['BN-1'])
    expect(cases.get(c).accountCases).toEqual([])
  })
})

describe('queue filters and counts', () => {
  it('several causes match any of them; counts ignore their own filter; countries largest first', () => {
    const { db, cases } = open()
    const a = seedCase(db, { caseId: 'BN-1' })
    const b = seedCase(db, { caseId: 'BN-2' })
    const c = seedCase(db, { caseId: 'BN-3' })
    const now = clock().toISOString()
    setCaseCauses(db, a, 'FACE_MISMATCH', ['FACE_MISMATCH'], 'done', now)
    setCaseCauses(db, b, 'DOCUMENT_QUALITY', ['DOCUMENT_QUALITY', 'FACE_MISMATCH'], 'done', now)
    setCaseCauses(db, c, 'DOCUMENT_EXPIRED', ['DOCUMENT_EXPIRED'], 'done', now)
    db.prepare("UPDATE cases SET country = 'DEU' WHERE id = ?").run(c)

    expect(ids(cases.list({ causes: ['FACE_MISMATCH', 'DOCUMENT_EXPIRED'] }))).toEqual(['BN-1', 'BN-2', 'BN-3'])
    expect(ids(cases.list({ causes: ['DOCUMENT_QUALITY'] }))).toEqual(['BN-2'])
    expect(cases.list({ causes: ['FACE_MISMATCH', 'DOCUMENT_QUALITY'] }).total).toBe(2) // a case with both counts once

    const counts = cases.counts({ causes: ['DOCUMENT_EXPIRED'], country: 'DEU' })
    expect(counts.countsByCause.DOCUMENT_EXPIRED).toBe(1)
    expect(counts.countsByCause.FACE_MISMATCH).toBeUndefined() // the country filter still applies
    expect(counts.countsByCountry).toEqual([{ country: 'DEU', n: 1 }]) // the country filter is ignored, the cause filter is not
    expect(cases.counts({}).countsByCountry).toEqual([{ country: 'TW', n: 2 }, { country: 'DEU', n: 1 }])
    expect(cases.counts({}).countsByStatus).toEqual({ new: 3 })
  })
})
