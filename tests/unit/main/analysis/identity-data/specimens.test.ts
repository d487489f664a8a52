import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentExpiryAnalyser, identityDataAnalyser } from '../../../../../src/main/analysis/identity-data'
import { bundleFiles, makeBundle, makeContext } from '../helpers'
import { NOW, specimenForm } from './document-data-fixtures'

// Real specimen passports (resources/specimens/PROVENANCE.md), read through the project's MRZ reader.
const documents = join(__dirname, '../../../../../resources/specimens/documents')

function caseWith(file: string, form: ReturnType<typeof specimenForm>) {
  const bundle = makeBundle({ form, documents: [{ file, side: 'single' }], selfies: [], submittedAt: '2026-11-20T10:00:00Z' })
  return makeContext(bundle, { files: bundleFiles(bundle, { [file]: readFileSync(join(documents, file)) }), now: NOW })
}

describe('on real specimen passports', () => {
  it('ICAO specimen (ERIKSSON ANNA MARIA): a missing second given name is a warning on the MRZ, and the passport is expired', async () => {
    const ctx = caseWith('passport-td3.jpg', specimenForm({ firstName: 'Anna', documentNumber: 'L8989O2C3' }))
    const identity = await identityDataAnalyser.run(ctx)
    expect(identity.map((f) => [f.code, f.severity, f.evidence.kind])).toEqual([
      ['NAME', 'warning', 'given-names-missing'],
      ['DOCUMENT_NUMBER', 'blocker', 'confusable-characters'],
    ])
    expect(identity[0].artifact).toBe('passport-td3.jpg')
    expect(identity[0].region!.y).toBeGreaterThan(0.6) // the MRZ is at the bottom of the page
    const expiry = await documentExpiryAnalyser.run(ctx)
    expect(expiry[0]).toMatchObject({ code: 'EXPIRED', evidence: { source: 'mrz', documentExpiry: '2012-04-15' } })
  })

  it('Taiwan specimen (林美華 LIN MEI-HUA): native name and Latin name agree; typed the wrong way round is named', async () => {
    const form = specimenForm({
      lastName: 'LIN', firstName: 'MEI-HUA', nativeName: '林美華', nationality: 'TWN', issuingCountry: 'TWN',
      documentNumber: '000000000', dateOfBirth: '1976-01-01', documentExpiry: '2014-04-01',
    })
    expect(await identityDataAnalyser.run(caseWith('100_pass-chn.jpg', form))).toEqual([])
    const swapped = await identityDataAnalyser.run(caseWith('100_pass-chn.jpg', { ...form, lastName: 'MEIHUA', firstName: 'LIN' }))
    expect(swapped.map((f) => f.evidence.kind)).toEqual(['order-swapped'])
  })
})
