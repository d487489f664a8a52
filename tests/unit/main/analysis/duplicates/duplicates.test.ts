import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../../../src/main/services/app-services'
import { freshKeys } from '../../../../helpers/keys'

let services: AppServices
const dirs: string[] = []

/** A copy of the td3-utopia fixture under another case id and account, optionally another document number. */
function variant(caseId: string, accountId: string, documentNumber?: string, selfieFrom?: string, fixture = 'td3-utopia'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kyc-dup-')), caseId)
  dirs.push(dir)
  cpSync(`tests/fixtures/bundles/${fixture}`, dir, { recursive: true })
  if (selfieFrom) cpSync(selfieFrom, join(dir, 'selfie.png'))
  const json = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'))
  json.caseId = caseId
  json.applicant.accountId = accountId
  // Submitted in the order of their numbers, a day apart: a duplicate is the later submission.
  json.submittedAt = `2026-11-${String(10 + Number(caseId.split('-')[1])).padStart(2, '0')}T09:00:00Z`
  if (documentNumber) json.form.documentNumber = documentNumber
  writeFileSync(join(dir, 'case.json'), JSON.stringify(json))
  return dir
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kyc-dup-data-'))
  dirs.push(dataDir)
  services = openServices(dataDir, { keys: freshKeys(), workers: 1, log: () => {} })
  // Imported one after the other, as cases arrive: each is analysed against what is stored.
  for (const bundle of [
    variant('DUP-1', 'u_first'),
    variant('DUP-2', 'u_second', 'l898-902 c3'), // the same number written differently
    variant('DUP-3', 'u_first'), // the same account again: not a duplicate identity
    // Another typed number, but the same passport photo (its MRZ says L898902C3) and the same selfie.
    variant('DUP-4', 'u_third', 'X1234567'),
    // Another passport and another person.
    variant('DUP-5', 'u_fourth', 'Y7654321', 'resources/specimens/faces/howard/howard1.png', 'chn-pending'),
    // Another passport, name and date of birth, but the face of DUP-1's selfie: a resemblance to show, not a verdict.
    variant('DUP-6', 'u_fifth', 'Z1111111', 'tests/fixtures/bundles/td3-utopia/selfie.png', 'chn-pending'),
  ]) {
    await services.importer.importPaths([bundle])
    await services.analysis.idle()
  }
}, 240_000)
afterAll(async () => {
  await services.close()
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }))
})

function duplicateFindings(caseId: string) {
  const row = services.cases.list({ search: caseId }).rows.find((r) => r.caseId === caseId)!
  return services.cases.get(row.id).attempts[0].findings.filter((f) => f.cause === 'DUPLICATE_IDENTITY')
}

describe('DUPLICATE_IDENTITY', () => {
  it('finds the same document number, normalised, on another account and links the other case', () => {
    const [finding] = duplicateFindings('DUP-2').filter((f) => f.code === 'SAME_DOCUMENT_NUMBER')
    expect(finding).toBeDefined()
    expect(finding.severity).toBe('blocker')
    expect(finding.evidence.otherCases).toEqual([expect.objectContaining({ caseId: 'DUP-1', accountId: 'u_first' })])
  })

  it('does not flag the same account submitting again', () => {
    expect(duplicateFindings('DUP-3').filter((f) => f.code === 'SAME_DOCUMENT_NUMBER').map((f) => f.evidence.otherCases)).toEqual([
      [expect.objectContaining({ caseId: 'DUP-2', accountId: 'u_second' })],
    ])
  })

  it('flags the later submission, not the first holder of the document', async () => {
    expect(duplicateFindings('DUP-1')).toEqual([])
    // Re-analysing the first case, now that later ones exist, still does not accuse it.
    services.analysis.reanalyseAll()
    await services.analysis.idle()
    expect(duplicateFindings('DUP-1')).toEqual([])
    expect(duplicateFindings('DUP-2').some((f) => f.code === 'SAME_DOCUMENT_NUMBER')).toBe(true)
  })

  it('finds the same face on another account through the vector index', () => {
    const same = duplicateFindings('DUP-4').find((f) => f.code === 'SAME_FACE')
    expect(same).toBeDefined()
    expect(same!.evidence.distance as number).toBeLessThan(same!.evidence.maxDistance as number)
  })

  it('compares the number read from the document too, not only the typed one', () => {
    const byDocument = duplicateFindings('DUP-4').find((f) => f.code === 'SAME_DOCUMENT_NUMBER')
    expect(byDocument?.evidence.documentNumber).toBe('L898902C3')
  })

  it('counts a face match as a duplicate only when the other account shares the date of birth or name', () => {
    expect(duplicateFindings('DUP-4').find((f) => f.code === 'SAME_FACE')?.evidence.corroboratedBy).toBe('date of birth')
    const lookalike = duplicateFindings('DUP-6')
    expect(lookalike.map((f) => [f.code, f.severity])).toEqual([['SAME_FACE', 'info']])
    expect(lookalike[0].evidence.otherCases).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: 'DUP-1' })]))
    const row = services.cases.list({ search: 'DUP-6' }).rows[0]
    expect(row.causes).not.toContain('DUPLICATE_IDENTITY')
  })

  it('stays quiet for a different person with a different document', () => {
    expect(duplicateFindings('DUP-5')).toEqual([])
  })
})
