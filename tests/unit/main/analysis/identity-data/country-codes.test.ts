import { describe, expect, it } from 'vitest'
import { isAlpha2, lookupCountry, relateCountries } from '../../../../../src/main/analysis/identity-data/country-codes'

describe('country codes', () => {
  it('maps alpha-2, alpha-3, ICAO codes and English names to one state', () => {
    for (const code of ['DE', 'DEU', 'D', 'D<<', 'Germany']) expect(lookupCountry(code)?.alpha3, code).toBe('DEU')
    expect(lookupCountry('TW')).toMatchObject({ alpha3: 'TWN', alpha2: 'TW' })
    expect(lookupCountry('UK')).toMatchObject({ alpha3: 'GBR', alpha2: 'GB' })
  })

  it('knows the ICAO-only codes', () => {
    expect(lookupCountry('UTO')).toMatchObject({ specimen: true })
    expect(lookupCountry('GBN')).toMatchObject({ alpha3: 'GBR', category: 'British National (Overseas)' })
    expect(lookupCountry('XXK')?.alpha3).toBe('RKS')
    expect(lookupCountry('XK')?.alpha3).toBe('RKS')
    for (const code of ['EUE', 'UNO', 'XXA', 'XXB', 'XPO']) expect(lookupCountry(code), code).not.toBeNull()
    expect(lookupCountry('GER')).toBeNull() // the Olympic code is not ISO or ICAO
  })

  it('relates two codes', () => {
    expect(relateCountries('GB', 'GBR')).toBe('same')
    expect(relateCountries('GBR', 'GBD')).toBe('same-state-other-category')
    expect(relateCountries('GBR', 'IRL')).toBe('different')
    expect(relateCountries('GER', 'DEU')).toBe('unknown')
  })

  it('holds all 249 ISO 3166-1 alpha-2 codes and rejects unassigned ones', () => {
    for (const code of ['US', 'GB', 'DE', 'FR', 'CN', 'TW', 'JP', 'NL', 'CA', 'AU', 'SS', 'CW']) expect(isAlpha2(code), code).toBe(true)
    expect(isAlpha2('XX')).toBe(false)
    expect(isAlpha2('ZZ')).toBe(false)
  })
})
