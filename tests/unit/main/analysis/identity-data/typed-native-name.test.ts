import { describe, expect, it } from 'vitest'
import { identityDataFindings } from '../../../../../src/main/analysis/identity-data/identity-data-analyser'
import { identityDataSettings } from '../../../../../src/main/analysis/identity-data/identity-settings'
import { typedNameSlips } from '../../../../../src/main/analysis/identity-data/typed-native-name'
import { testSettings } from '../helpers'
import { NO_DATA, contextFor, fromVendor, specimenForm } from './document-data-fixtures'

const s = identityDataSettings(testSettings())

describe('typed Latin name against the typed native-script name, when the document gives no name', () => {
  it('calls a given name one slip from the Han name’s spelling a typo (Chia-aHo for 家豪)', () => {
    const [m] = typedNameSlips({ lastName: 'Tsai', firstName: 'Chia-aHo', nativeName: '蔡家豪', nationality: 'TWN' }, s)
    expect(m).toMatchObject({ code: 'NAME', field: 'firstName', kind: 'typed-native-name-typo', severity: 'warning' })
    expect(m.details).toMatchObject({ nearestSpelling: 'CHIAHAO', edits: 1 })
    const [last] = typedNameSlips({ lastName: 'Wnag', firstName: 'Wei', nativeName: '王伟', nationality: 'CHN' }, s)
    expect(last).toMatchObject({ field: 'lastName', details: { nearestSpelling: 'WANG' } })
  })

  it('accepts every standard spelling, and leaves a different name (English, dialect) to the document', () => {
    expect(typedNameSlips({ lastName: 'Tsai', firstName: 'Chia-Hao', nativeName: '蔡家豪', nationality: 'TWN' }, s)).toEqual([])
    expect(typedNameSlips({ lastName: 'Cai', firstName: 'Jiahao', nativeName: '蔡家豪', nationality: 'CHN' }, s)).toEqual([])
    expect(typedNameSlips({ lastName: 'Wang', firstName: 'David', nativeName: '王伟', nationality: 'CHN' }, s)).toEqual([])
    // Outside CHN and TWN documents spell Han names otherwise (Cantonese; kanji read in Japanese).
    expect(typedNameSlips({ lastName: 'Chan', firstName: 'Tai Mun', nativeName: '陳大文', nationality: 'HKG' }, s)).toEqual([])
    expect(typedNameSlips({ lastName: 'Yamada', firstName: 'Taro', nativeName: '山田太郎', nationality: 'JPN' }, s)).toEqual([])
  })

  it('is a warning of IDENTITY_DATA_MISMATCH when the document could not be read, and not used when it could', async () => {
    const form = specimenForm({ lastName: 'Tsai', firstName: 'Chia-aHo', nativeName: '蔡家豪', nationality: 'TWN', issuingCountry: 'TWN' })
    const unread = await identityDataFindings(contextFor(form, NO_DATA))
    expect(unread.find((f) => f.evidence.kind === 'typed-native-name-typo')).toMatchObject({ severity: 'warning', evidence: { field: 'firstName' } })
    // With a name on the document, that comparison speaks instead.
    const read = await identityDataFindings(contextFor(form, fromVendor({ lastName: 'TSAI', firstName: 'CHIA HAO' })))
    expect(read.some((f) => f.evidence.kind === 'typed-native-name-typo')).toBe(false)
  })
})
