import { describe, expect, it } from 'vitest'
import { documentExpiryAnalyser } from '../../../../../src/main/analysis/identity-data'
import { contextFor, fromMrz, fromVendor, NO_DATA, REGION, SPECIMEN_TD3, specimenForm, td3Lines } from './document-data-fixtures'

// Submission in these tests: 2026-11-20.
const withExpiry = (expiry: string) => fromMrz(td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'L898902C3', birth: '740812', expiry }))

describe('document expiry', () => {
  it('blocks a document that expired before submission, counting the days, from the MRZ', async () => {
    const findings = await documentExpiryAnalyser.run(contextFor(specimenForm(), fromMrz(SPECIMEN_TD3)))
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f).toMatchObject({
      cause: 'DOCUMENT_EXPIRED',
      code: 'EXPIRED',
      severity: 'blocker',
      artifact: 'passport.jpg',
      region: REGION,
      evidence: { documentExpiry: '2012-04-15', source: 'mrz', submittedOn: '2026-11-20', daysExpired: 5332, expiryCheckDigitValid: true },
      remedies: ['USE_VALID_DOCUMENT'],
    })
    expect(f.confidence).toBeGreaterThan(0.95)
    expect(f.explanation.en).toContain('15 April 2012')
    expect(f.explanation.en).toContain('5332 days')
    expect(f.explanation['zh-CN']).toContain('2012年4月15日')
  })

  it('treats the expiry day itself as still valid, and the day after as expired', async () => {
    expect(await documentExpiryAnalyser.run(contextFor(specimenForm(), withExpiry('261220')))).toHaveLength(1) // 30 days: soon
    const onTheDay = await documentExpiryAnalyser.run(contextFor(specimenForm(), withExpiry('261120')))
    expect(onTheDay[0]).toMatchObject({ code: 'EXPIRES_SOON', evidence: { daysRemaining: 0 } })
    const dayBefore = await documentExpiryAnalyser.run(contextFor(specimenForm(), withExpiry('261119')))
    expect(dayBefore[0]).toMatchObject({ code: 'EXPIRED', evidence: { daysExpired: 1 } })
  })

  it('warns when the document expires within 30 days of submission', async () => {
    const [f] = await documentExpiryAnalyser.run(contextFor(specimenForm(), withExpiry('261210')))
    expect(f).toMatchObject({ code: 'EXPIRES_SOON', severity: 'warning', evidence: { daysRemaining: 20, expiresSoonDays: 30 } })
    expect(f.explanation.en).toContain('20 days')
  })

  it('finds nothing for a document valid for longer than 30 days', async () => {
    expect(await documentExpiryAnalyser.run(contextFor(specimenForm(), withExpiry('261221')))).toEqual([])
    expect(await documentExpiryAnalyser.run(contextFor(specimenForm(), withExpiry('310101')))).toEqual([])
  })

  it('falls back to the vendor date, in whatever format, then to the typed date', async () => {
    const [vendor] = await documentExpiryAnalyser.run(contextFor(specimenForm(), fromVendor({ documentExpiry: '15.04.2012' })))
    expect(vendor).toMatchObject({ code: 'EXPIRED', evidence: { source: 'vendor', documentExpiry: '2012-04-15' } })
    expect(vendor.region).toBeUndefined()
    const [typed] = await documentExpiryAnalyser.run(contextFor(specimenForm({ documentExpiry: '2026-12-01' }), NO_DATA))
    expect(typed).toMatchObject({ code: 'EXPIRES_SOON', evidence: { source: 'form', daysRemaining: 11 } })
    expect(typed.confidence).toBeLessThan(0.7) // only the customer's word for it
  })

  it('says nothing when no expiry date is known at all', async () => {
    expect(await documentExpiryAnalyser.run(contextFor(specimenForm({ documentExpiry: undefined }), NO_DATA))).toEqual([])
  })
})
