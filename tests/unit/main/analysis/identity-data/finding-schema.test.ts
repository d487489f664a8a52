import { describe, expect, it } from 'vitest'
import { documentExpiryAnalyser, identityDataAnalyser } from '../../../../../src/main/analysis/identity-data'
import { CAUSE_CODES } from '../../../../../src/shared/domain/causes'
import { FindingSchema } from '../../../../../src/shared/domain/finding'
import { contextFor, fromMrz, fromVendor, NO_DATA, SPECIMEN_TD3, specimenForm } from './document-data-fixtures'

const REMEDY_IDS = new Set([
  'CORRECT_PERSONAL_DATA', 'TYPE_NAME_AS_IN_MRZ', 'CHECK_DATE_FORMAT', 'CHECK_DOCUMENT_NUMBER', 'USE_VALID_DOCUMENT',
  'RETAKE_DOCUMENT_PHOTO', 'RETAKE_WITHOUT_GLARE',
])

describe('findings of both analysers', () => {
  it('parse with FindingSchema, use known remedies, and carry an explanation in both languages', async () => {
    const messy = specimenForm({
      lastName: 'ERIKSON',
      firstName: 'ANNA',
      nativeName: '王小明',
      dateOfBirth: '2012-12-08',
      documentNumber: 'L8989O2C36',
      nationality: 'GBD',
      sex: 'M',
      documentExpiry: '2012-04-16',
      address: { line1: 'asdf', city: '12345', postalCode: 'ABC', country: 'US' },
    })
    const contexts = [contextFor(messy, fromMrz(SPECIMEN_TD3)), contextFor(messy, fromVendor({ lastName: 'ERIKSSON', dateOfBirth: '08/12/1974' })), contextFor(messy, NO_DATA)]
    let total = 0
    for (const analyser of [identityDataAnalyser, documentExpiryAnalyser]) {
      for (const ctx of contexts) {
        for (const f of await analyser.run(ctx)) {
          total++
          expect(() => FindingSchema.parse(f)).not.toThrow()
          expect(analyser.causes).toContain(f.cause)
          if (f.severity !== 'info') expect((CAUSE_CODES[f.cause] as readonly string[]).includes(f.code), f.code).toBe(true)
          for (const r of f.remedies) expect(REMEDY_IDS.has(r), r).toBe(true)
          expect(f.explanation.en.length).toBeGreaterThan(20)
          expect(f.explanation['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
        }
      }
    }
    expect(total).toBeGreaterThan(15)
  })

  it('declare their ids and settings sections', () => {
    expect(identityDataAnalyser).toMatchObject({ id: 'identity-data', causes: ['IDENTITY_DATA_MISMATCH'], settingsSections: ['identityData'] })
    expect(documentExpiryAnalyser).toMatchObject({ id: 'document-expiry', causes: ['DOCUMENT_EXPIRED'], settingsSections: ['documentExpiry'] })
  })
})
