import { describe, expect, it } from 'vitest'
import { addressFindings, junkReason } from '../../../../../src/main/analysis/identity-data/address-format'

const address = (o: Partial<Parameters<typeof addressFindings>[0]> = {}) => ({ line1: '1600 Amphitheatre Parkway', city: 'Mountain View', postalCode: '94043', country: 'US', ...o })

describe('address format', () => {
  it.each([
    ['US', '94043'], ['US', '94043-1351'], ['GB', 'SW1A 1AA'], ['GB', 'ec1a1bb'], ['DE', '10115'], ['FR', '75008'], ['CN', '100000'],
    ['TW', '10048'], ['TW', '100'], ['JP', '100-0001'], ['NL', '1012 JS'], ['CA', 'K1A 0B1'], ['AU', '2000'],
  ])('accepts a %s postal code %s', (country, postalCode) => {
    expect(addressFindings(address({ country, postalCode }))).toEqual([])
  })

  it.each([
    ['US', '9404'], ['GB', '12345'], ['DE', '1011'], ['CN', '10000'], ['JP', '1000001X'], ['NL', '1012 SS'], ['CA', 'D1A 0B1'], ['AU', '20000'],
  ])('warns on a %s postal code %s, with an example', (country, postalCode) => {
    const findings = addressFindings(address({ country, postalCode }))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'ADDRESS_FORMAT', severity: 'warning', evidence: { field: 'address.postalCode', kind: 'postal-code-format', country } })
    expect(findings[0].explanation.en).toContain('e.g.')
  })

  it('does not judge postal codes of places without them, or of unlisted countries', () => {
    expect(addressFindings(address({ country: 'HK', postalCode: '000000' }))).toEqual([])
    expect(addressFindings(address({ country: 'KE', postalCode: 'whatever' }))).toEqual([])
  })

  it('warns on an unknown or reserved country code', () => {
    expect(addressFindings(address({ country: 'XX' }))[0].evidence).toMatchObject({ kind: 'unknown-country-code' })
    expect(addressFindings(address({ country: 'UK', postalCode: 'SW1A 1AA' }))[0].evidence).toMatchObject({ kind: 'reserved-country-code', isoCode: 'GB' })
  })

  it('warns on junk lines and digits-only cities', () => {
    const findings = addressFindings(address({ line1: 'asdfgh', city: '12345' }))
    expect(findings.map((f) => [f.evidence.field, f.evidence.kind])).toEqual([
      ['address.line1', 'keyboard-run'],
      ['address.city', 'digits-only'],
    ])
    expect(findings.every((f) => f.severity === 'warning')).toBe(true)
  })

  it('tells junk from short real addresses, Chinese ones included', () => {
    for (const junk of ['N/A', '...', 'aaaa', 'test', '无', 'me@example.com', 'qwerty']) expect(junkReason(junk), junk).not.toBeNull()
    for (const real of ['Flat 2, 10 Downing St', '台北市信義區市府路1號', '1 Rue de Rivoli', 'Hauptstr. 5']) expect(junkReason(real), real).toBeNull()
  })
})
