import { describe, expect, it } from 'vitest'
import { backlogAnalyser } from '../../../../../src/main/analysis/backlog'
import { FindingSchema, type Finding } from '../../../../../src/shared/domain/finding'
import { makeBundle, makeContext } from '../helpers'

async function run(status: 'failed' | 'pending', submittedAt: string, now: string): Promise<Finding[]> {
  const findings = await backlogAnalyser.run(makeContext(makeBundle({ status, submittedAt }), { now: new Date(now) }))
  for (const f of findings) expect(FindingSchema.parse(f)).toEqual(f)
  return findings
}

describe('review backlog', () => {
  it('reports a case pending for 3 days against a 48-hour service level as a warning, politely', async () => {
    const [f, ...rest] = await run('pending', '2026-11-17T09:00:00Z', '2026-11-20T10:30:00Z')
    expect(rest).toEqual([])
    expect(f).toMatchObject({ cause: 'REVIEW_BACKLOG', code: 'PENDING_OVER_SLA', severity: 'warning', remedies: ['WAIT_FOR_REVIEW'] })
    expect(f.evidence).toMatchObject({ hoursPending: 73, slaHours: 48, submittedAt: '2026-11-17T09:00:00Z' })
    expect(f.explanation.en).toContain('73 hours (3 days 1 h)')
    expect(f.explanation.en).toContain('48-hour service level')
    expect(f.explanation.en).toMatch(/apologise/)
    expect(f.explanation['zh-CN']).toContain('73 小时')
  })

  it('says nothing while a pending case is within the service level', async () => {
    expect(await run('pending', '2026-11-19T09:00:00Z', '2026-11-20T10:00:00Z')).toEqual([])
    expect(await run('pending', '2026-11-18T10:00:00Z', '2026-11-20T10:00:00Z')).toEqual([])
  })

  it('says nothing for a failed case, however old', async () => {
    expect(await run('failed', '2026-10-01T09:00:00Z', '2026-11-20T10:00:00Z')).toEqual([])
  })
})
