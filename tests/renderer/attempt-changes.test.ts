import { describe, expect, it } from 'vitest'
import { attemptChanges } from '../../src/renderer/src/composables/attempt-changes'
import { describeUserAgent, loginTimeline, uploadFailed, uploadsOf, bundleOf, detectedCauses } from '../../src/renderer/src/composables/bundle'
import { caseDetail } from './fixtures/case-detail'

describe('attempt history and context', () => {
  const [first, second] = caseDetail.attempts

  it('shows which form fields changed and which causes went away', () => {
    const c = attemptChanges(first, second)
    expect(c.formChanges).toEqual([{ field: 'dateOfBirth', before: '1974-12-08', after: '1974-08-12' }])
    expect(c.resolvedCauses).toEqual(['IDENTITY_DATA_MISMATCH', 'FACE_MISMATCH'])
    expect(c.persistingCauses).toEqual(['DOCUMENT_QUALITY'])
    expect(c.newCauses).toEqual([])
  })

  it('info findings are not detected causes', () => {
    expect(detectedCauses(first)).not.toContain('ACCOUNT_SECURITY_RISK')
  })

  it('orders logins in time and marks failures and country changes', () => {
    const logins = loginTimeline(bundleOf(first))
    expect(logins.map((l) => l.country)).toEqual(['SE', 'BR'])
    expect(logins[1]).toMatchObject({ success: false, countryChanged: true })
  })

  it('marks failed uploads', () => {
    expect(uploadsOf(bundleOf(first)).map(uploadFailed)).toEqual([true, false])
  })

  it('reads browser and OS from the user agent', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36')).toEqual({ browser: 'Chrome 142', os: 'Windows NT 10.0' })
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 15_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.2 Mobile/15E148 Safari/604.1')).toEqual({ browser: 'Safari 15', os: 'iOS 15.2' })
  })
})
