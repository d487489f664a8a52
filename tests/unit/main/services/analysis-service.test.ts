import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../../src/main/services/app-services'
import { freshKeys } from '../../../helpers/keys'

let services: AppServices
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-analysis-'))
  services = openServices(dir, { keys: freshKeys(), workers: 2, log: () => {}, clock: () => new Date('2026-11-29T10:00:00Z') })
  await services.importer.importPaths(['tests/fixtures/bundles'])
  await services.analysis.idle()
}, 180_000)
afterAll(async () => {
  await services.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('background analysis through the worker pool', () => {
  it('analyses every imported attempt and shows the causes in the queue', () => {
    const rows = services.cases.list({}).rows
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(row.analysisState, row.caseId).toBe('done')
    // The fixtures are expired specimen documents; their selfies are other people, in 150 px
    // photos. The primary cause is the most blocking one (the causes come most blocking first).
    for (const row of rows) {
      expect(row.causes, row.caseId).toEqual(expect.arrayContaining(['DOCUMENT_EXPIRED', 'FACE_CAPTURE_FAILED', 'FACE_MISMATCH']))
      expect(row.primaryCause, row.caseId).toBe(row.causes[0])
      expect(row.causes.indexOf('DOCUMENT_EXPIRED'), row.caseId).toBeLessThan(row.causes.indexOf('FACE_MISMATCH'))
    }
    // Pending for nine days, but something else is wrong: the backlog is recorded, not counted.
    const pending = rows.find((r) => r.caseId === 'BN-2026-000103')!
    expect(pending.causes).not.toContain('REVIEW_BACKLOG')
    const backlog = services.cases.get(pending.id).attempts[0].findings.find((f) => f.cause === 'REVIEW_BACKLOG')
    expect(backlog?.severity).toBe('info')
  })

  it('stores findings with their analyser and version, and the faces it found', () => {
    const anna = services.cases.list({ search: 'ERIKSSON' }).rows[0]
    const detail = services.cases.get(anna.id)
    const attempt = detail.attempts[0]
    expect(attempt.findings.every((f) => f.analyser && f.analyserVersion)).toBe(true)
    expect(attempt.faces.some((f) => f.role === 'selfie' && f.cropSha256)).toBe(true)
    expect(attempt.documentData?.source).toBe('mrz')
    expect(attempt.documentData?.fields.documentNumber).toBe('L898902C3')
  })

  it('re-analysing replaces the findings instead of adding to them', async () => {
    const anna = services.cases.list({ search: 'ERIKSSON' }).rows[0]
    const before = services.cases.get(anna.id).attempts[0].findings.length
    services.analysis.reanalyseAll()
    await services.analysis.idle()
    expect(services.cases.get(anna.id).attempts[0].findings.length).toBe(before)
  })
})
