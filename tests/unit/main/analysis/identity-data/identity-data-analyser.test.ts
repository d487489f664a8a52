import { describe, expect, it } from 'vitest'
import { identityDataAnalyser } from '../../../../../src/main/analysis/identity-data'
import type { Finding } from '../../../../../src/shared/domain/finding'
import { contextFor, fromMrz, fromVendor, NO_DATA, REGION, SPECIMEN_TD3, specimenForm, td3Lines } from './document-data-fixtures'

const run = (ctx: ReturnType<typeof contextFor>) => identityDataAnalyser.run(ctx)
const byCode = (findings: Finding[], code: string) => findings.filter((f) => f.code === code)

describe('identity data: clean data', () => {
  it('finds nothing when the form matches the specimen MRZ exactly', async () => {
    expect(await run(contextFor(specimenForm(), fromMrz(SPECIMEN_TD3)))).toEqual([])
  })

  it('ignores case, spaces, hyphens, apostrophes and diacritics', async () => {
    const lines = td3Lines({ last: "OBRIEN", given: 'JEAN PIERRE', number: 'X1234567', birth: '740812', expiry: '300101' })
    const form = specimenForm({ lastName: "o'Brien", firstName: 'Jéan-Pierre', documentNumber: 'x123-4567', documentExpiry: undefined })
    expect(await run(contextFor(form, fromMrz(lines)))).toEqual([])
  })

  it("accepts German umlauts typed as the MRZ transliterates them (MÜLLER = MUELLER) and as plain letters", async () => {
    const lines = td3Lines({ last: 'MUELLER', given: 'JOERG', number: 'C01X00T47', country: 'D', birth: '740812', expiry: '300101' })
    for (const [lastName, firstName] of [['MÜLLER', 'JÖRG'], ['Müller', 'Jörg'], ['MUELLER', 'JOERG']]) {
      const form = specimenForm({ lastName, firstName, documentNumber: 'C01X00T47', nationality: 'DEU', issuingCountry: 'DE', documentExpiry: undefined })
      expect(await run(contextFor(form, fromMrz(lines)))).toEqual([])
    }
  })

  it('accepts ß typed where the MRZ has SS', async () => {
    const lines = td3Lines({ last: 'STRASSER', given: 'PETER', number: 'C01X00T47', country: 'D', birth: '740812', expiry: '300101' })
    const form = specimenForm({ lastName: 'Straßer', firstName: 'Peter', documentNumber: 'C01X00T47', nationality: 'D', issuingCountry: 'D', documentExpiry: undefined })
    expect(await run(contextFor(form, fromMrz(lines)))).toEqual([])
  })
})

describe('identity data: names', () => {
  it('names a swapped family and given name as such (LIN MEI-HUA typed as family MEIHUA, given LIN)', async () => {
    const lines = td3Lines({ last: 'LIN', given: 'MEI HUA', number: '000000000', country: 'TWN', birth: '760101', expiry: '300401' })
    const form = specimenForm({ lastName: 'MEIHUA', firstName: 'LIN', nationality: 'TWN', issuingCountry: 'TWN', documentNumber: '000000000', dateOfBirth: '1976-01-01', documentExpiry: undefined })
    const findings = await run(contextFor(form, fromMrz(lines)))
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f).toMatchObject({ code: 'NAME', severity: 'blocker', evidence: { kind: 'order-swapped', field: 'name' } })
    expect(f.explanation.en).toContain('swapped')
    expect(f.explanation.en).toContain('“MEIHUA”')
    expect(f.explanation['zh-CN']).toContain('填颠倒')
    expect(f.remedies).toContain('TYPE_NAME_AS_IN_MRZ')
    expect(f.artifact).toBe('passport.jpg')
    expect(f.region).toEqual(REGION)
  })

  it('reports a one-letter typo with both values and where it is', async () => {
    const findings = await run(contextFor(specimenForm({ lastName: 'ERIKSON' }), fromMrz(SPECIMEN_TD3)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      code: 'NAME',
      severity: 'blocker',
      evidence: { kind: 'typo', field: 'lastName', typed: 'ERIKSON', document: 'ERIKSSON', editCount: 1, documentSource: 'mrz' },
    })
    expect(findings[0].explanation.en).toMatch(/“ERIKSON”.*“ERIKSSON”.*1 character/)
  })

  it('reports swapped neighbouring letters as one typo', async () => {
    const [f] = await run(contextFor(specimenForm({ lastName: 'ERIKSOSN' }), fromMrz(SPECIMEN_TD3)))
    expect(f.evidence).toMatchObject({ kind: 'typo', editCount: 1 })
    expect(f.explanation.en).toContain('swapped')
  })

  it('calls an unrelated name different, not a typo', async () => {
    const [f] = await run(contextFor(specimenForm({ lastName: 'JOHANSSON' }), fromMrz(SPECIMEN_TD3)))
    expect(f.evidence).toMatchObject({ kind: 'different', field: 'lastName' })
    expect(f.severity).toBe('blocker')
  })

  it('warns (not blocks) when only the first of several given names was typed: ANNA for ANNA MARIA', async () => {
    const findings = await run(contextFor(specimenForm({ firstName: 'ANNA' }), fromMrz(SPECIMEN_TD3)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'NAME', severity: 'warning', evidence: { kind: 'given-names-missing', missingGivenNames: ['MARIA'] } })
    expect(findings[0].explanation.en).toContain('“MARIA”')
  })

  it('does not count a long name cut by the 39-character MRZ field as a mismatch', async () => {
    const last = 'VANDERWESTHUIZEN-OOSTERHUIS'
    const given = 'ALEXANDRA CHRISTINA MARGARETHA'
    const lines = td3Lines({ last, given, number: 'X1234567', country: 'NLD', birth: '740812', expiry: '300101' })
    expect(lines[0].slice(5)).toBe('VANDERWESTHUIZEN<OOSTERHUIS<<ALEXANDRA<') // what the 39-character field keeps
    const form = specimenForm({ lastName: last, firstName: given, documentNumber: 'X1234567', nationality: 'NLD', issuingCountry: 'NLD', documentExpiry: undefined })
    const findings = await run(contextFor(form, fromMrz(lines)))
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([])
    expect(findings[0].evidence).toMatchObject({ kind: 'mrz-truncated', mrzNameCapacity: 39 })
  })

  it('recognises a cut in the middle of a word too', async () => {
    const lines = td3Lines({ last: 'WOLFESCHLEGELSTEINHAUSEN', given: 'HUBERT BLAINE CHARLES', number: 'X1234567', country: 'USA', birth: '740812', expiry: '300101' })
    expect(lines[0].slice(5)).toBe('WOLFESCHLEGELSTEINHAUSEN<<HUBERT<BLAINE')
    const cut = td3Lines({ last: 'WOLFESCHLEGELSTEINHAUSENBERGERDORFF', given: 'HUBERT', number: 'X1234567', country: 'USA', birth: '740812', expiry: '300101' })
    expect(cut[0].slice(5)).toBe('WOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU')
    const form = specimenForm({ lastName: 'Wolfeschlegelsteinhausenbergerdorff', firstName: 'Hubert', documentNumber: 'X1234567', nationality: 'USA', issuingCountry: 'USA', documentExpiry: undefined })
    const findings = await run(contextFor(form, fromMrz(cut)))
    expect(findings.map((f) => [f.severity, f.evidence.kind])).toEqual([['info', 'mrz-truncated']])
  })

  it('still reports a long name that differs inside the part the MRZ kept', async () => {
    const lines = td3Lines({ last: 'VANDERWESTHUIZEN-OOSTERHUIS', given: 'ALEXANDRA CHRISTINA', number: 'X1234567', country: 'NLD', birth: '740812', expiry: '300101' })
    const form = specimenForm({ lastName: 'VANDERWESTHUIZEN-OOSTERHUIS', firstName: 'ALEXANDRE CHRISTINA MARIA', documentNumber: 'X1234567', nationality: 'NLD', issuingCountry: 'NLD', documentExpiry: undefined })
    const findings = await run(contextFor(form, fromMrz(lines)))
    expect(findings.some((f) => f.severity === 'blocker' && f.code === 'NAME')).toBe(true)
  })

  it('says the same words were split differently between the two fields', async () => {
    const [f] = await run(contextFor(specimenForm({ lastName: 'ERIKSSON ANNA', firstName: 'MARIA' }), fromMrz(SPECIMEN_TD3)))
    expect(f.evidence).toMatchObject({ kind: 'split-differently', field: 'name' })
  })

  it('warns when a given name is typed that the document does not have', async () => {
    const [f] = await run(contextFor(specimenForm({ firstName: 'ANNA MARIA LUISA' }), fromMrz(SPECIMEN_TD3)))
    expect(f).toMatchObject({ severity: 'warning', evidence: { kind: 'extra-given-names', extraGivenNames: ['LUISA'] } })
  })
})

describe('identity data: Chinese names', () => {
  const twLines = td3Lines({ last: 'LIN', given: 'MEI HUA', number: '000000000', country: 'TWN', birth: '760101', expiry: '300401' })
  const twForm = (o: Parameters<typeof specimenForm>[0] = {}) =>
    specimenForm({ lastName: 'LIN', firstName: 'MEI-HUA', nativeName: '林美華', nationality: 'TWN', issuingCountry: 'TWN', documentNumber: '000000000', dateOfBirth: '1976-01-01', documentExpiry: undefined, ...o })

  it('accepts 林美華 as the native name of LIN MEI-HUA', async () => {
    expect(await run(contextFor(twForm(), fromMrz(twLines)))).toEqual([])
  })

  it('explains a pinyin name typed for a Wade-Giles passport (ZHANG vs CHANG, both 張)', async () => {
    const lines = td3Lines({ last: 'CHANG', given: 'CHIH MING', number: '300000001', country: 'TWN', birth: '760101', expiry: '300401' })
    const form = twForm({ lastName: 'ZHANG', firstName: 'CHIH-MING', nativeName: '張志明', documentNumber: '300000001' })
    const findings = await run(contextFor(form, fromMrz(lines)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'blocker', evidence: { kind: 'romanisation-differs', field: 'lastName', typed: 'ZHANG', document: 'CHANG', nativePart: '張' } })
    expect(findings[0].explanation['zh-CN']).toContain('張')
  })

  it('accepts Hong Kong and Wade-Giles spellings of the family name (陳大文 = CHAN TAI MAN surname, 許 = HSU)', async () => {
    const hk = td3Lines({ last: 'CHAN', given: 'DA WEN', number: 'K12345678', country: 'CHN', birth: '760101', expiry: '300401' })
    const form = twForm({ lastName: 'CHAN', firstName: 'DA WEN', nativeName: '陳大文', nationality: 'CHN', issuingCountry: 'CHN', documentNumber: 'K12345678' })
    expect(await run(contextFor(form, fromMrz(hk)))).toEqual([])
    const tw = td3Lines({ last: 'HSU', given: 'CHIA HSIEN', number: '300000002', country: 'TWN', birth: '760101', expiry: '300401' })
    const twf = twForm({ lastName: 'HSU', firstName: 'CHIA-HSIEN', nativeName: '許家賢', documentNumber: '300000002' })
    expect(await run(contextFor(twf, fromMrz(tw)))).toEqual([])
  })

  it('warns when the Han-character name does not read as the document name at all', async () => {
    const findings = await run(contextFor(twForm({ nativeName: '王小明' }), fromMrz(twLines)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'warning', evidence: { kind: 'native-name-differs', pinyin: 'wang xiao ming' } })
  })

  it('does not read Japanese kanji names as Mandarin', async () => {
    const lines = td3Lines({ last: 'YAMADA', given: 'TARO', number: 'TK1234567', country: 'JPN', birth: '760101', expiry: '300401' })
    const form = twForm({ lastName: 'YAMADA', firstName: 'TARO', nativeName: '山田太郎', nationality: 'JPN', issuingCountry: 'JPN', documentNumber: 'TK1234567' })
    expect(await run(contextFor(form, fromMrz(lines)))).toEqual([])
  })
})

describe('identity data: dates', () => {
  it("names a day/month swap: typed 1976-01-02 against the document's 1976-02-01", async () => {
    const lines = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'L898902C3', birth: '760201', expiry: '300101' })
    const findings = await run(contextFor(specimenForm({ dateOfBirth: '1976-01-02', documentExpiry: undefined }), fromMrz(lines)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'DATE_OF_BIRTH', severity: 'blocker', evidence: { kind: 'day-month-swapped', typed: '1976-01-02', document: '1976-02-01' } })
    expect(findings[0].explanation.en).toContain('2 January 1976')
    expect(findings[0].explanation.en).toContain('1 February 1976')
    expect(findings[0].explanation['zh-CN']).toContain('1976年1月2日')
    expect(findings[0].remedies[0]).toBe('CHECK_DATE_FORMAT')
    expect(findings[0].confidence).toBeGreaterThanOrEqual(0.9) // the birth-date check digit passes
  })

  it('reports a year off by one with both values', async () => {
    const [f] = await run(contextFor(specimenForm({ dateOfBirth: '1975-08-12' }), fromMrz(SPECIMEN_TD3)))
    expect(f.evidence).toMatchObject({ kind: 'year-differs', typed: '1975-08-12', document: '1974-08-12', yearsApart: -1 })
  })

  it('reads vendor dates in other formats and agrees when one reading matches', async () => {
    const vendor = (dateOfBirth: string) => fromVendor({ lastName: 'ERIKSSON', firstName: 'ANNA MARIA', dateOfBirth })
    for (const v of ['12.08.1974', '12 AUG 1974', '12 AOÛT/AUG 74', '08/12/1974', '12/08/1974', '19740812', '1974年8月12日']) {
      expect(await run(contextFor(specimenForm(), vendor(v))), v).toEqual([])
    }
    const [f] = await run(contextFor(specimenForm(), vendor('12.09.1974')))
    expect(f.evidence).toMatchObject({ kind: 'month-differs', document: '1974-09-12', documentRaw: '12.09.1974', documentSource: 'vendor' })
    expect(f.region).toBeUndefined()
  })

  it('reports a typed expiry date that differs from the document', async () => {
    const [f] = await run(contextFor(specimenForm({ documentExpiry: '2012-04-16' }), fromMrz(SPECIMEN_TD3)))
    expect(f).toMatchObject({ code: 'DOCUMENT_EXPIRY', evidence: { kind: 'off-by-one-day' } })
  })
})

describe('identity data: document numbers', () => {
  it('names an O/0 confusion at position 6: typed L8989O2C3 for L898902C3, highly confident with a passing check digit', async () => {
    const findings = await run(contextFor(specimenForm({ documentNumber: 'L8989O2C3' }), fromMrz(SPECIMEN_TD3)))
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f).toMatchObject({
      code: 'DOCUMENT_NUMBER',
      severity: 'blocker',
      evidence: { kind: 'confusable-characters', confusions: [{ position: 6, typed: 'O', document: '0', pair: 'O/0' }], documentCheckDigitValid: true },
    })
    expect(f.confidence).toBeGreaterThanOrEqual(0.95)
    expect(f.explanation.en).toContain('position 6')
    expect(f.remedies[0]).toBe('CHECK_DOCUMENT_NUMBER')
  })

  it('names several confusions (I/1, S/5) and ignores spaces, hyphens and case', async () => {
    const lines = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'AB1250S', birth: '740812', expiry: '300101' })
    const [f] = await run(contextFor(specimenForm({ documentNumber: 'ab-I25 05', documentExpiry: undefined }), fromMrz(lines)))
    expect(f.evidence).toMatchObject({ kind: 'confusable-characters' })
    expect((f.evidence.confusions as { pair: string; position: number }[]).map((c) => [c.position, c.pair])).toEqual([
      [3, 'I/1'],
      [7, 'S/5'],
    ])
  })

  it('notices the MRZ check digit copied onto the end of the number', async () => {
    const [f] = await run(contextFor(specimenForm({ documentNumber: 'L898902C36' }), fromMrz(SPECIMEN_TD3)))
    expect(f.evidence).toMatchObject({ kind: 'check-digit-included', extraCharacter: '6' })
  })

  it('calls a two-character slip a typo and another number different', async () => {
    const [typo] = await run(contextFor(specimenForm({ documentNumber: 'L898920C3' }), fromMrz(SPECIMEN_TD3)))
    expect(typo.evidence).toMatchObject({ kind: 'typo', editCount: 1 })
    const [other] = await run(contextFor(specimenForm({ documentNumber: 'X12345678' }), fromMrz(SPECIMEN_TD3)))
    expect(other.evidence).toMatchObject({ kind: 'different' })
  })

  it('blames the read, not the customer, when only the typed number passes the MRZ check digit', async () => {
    // The MRZ was misread as L8989O2C3 (check digit fails); the customer typed it right.
    const misread = [SPECIMEN_TD3[0], SPECIMEN_TD3[1].replace('L898902C3', 'L8989O2C3')]
    const findings = await run(contextFor(specimenForm(), fromMrz(misread)))
    const number = byCode(findings, 'DOCUMENT_NUMBER')
    expect(number).toHaveLength(1)
    expect(number[0]).toMatchObject({ severity: 'warning', evidence: { kind: 'document-read-doubtful', typedPassesCheckDigit: true } })
    expect(byCode(findings, 'MRZ_CHECK_DIGIT')[0]).toMatchObject({ severity: 'warning', evidence: { field: 'documentNumber' } })
  })
})

describe('identity data: countries and sex', () => {
  it('treats DE, DEU and D as the same country', async () => {
    const lines = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'C01X00T47', country: 'D', birth: '740812', expiry: '300101' })
    for (const code of ['DE', 'DEU', 'D']) {
      const form = specimenForm({ nationality: code, issuingCountry: code, documentNumber: 'C01X00T47', documentExpiry: undefined })
      expect(await run(contextFor(form, fromMrz(lines))), code).toEqual([])
    }
  })

  it('reports another country with both names', async () => {
    const [f] = await run(contextFor(specimenForm({ nationality: 'SWE' }), fromMrz(SPECIMEN_TD3)))
    expect(f).toMatchObject({ code: 'NATIONALITY', severity: 'blocker', evidence: { kind: 'different', typed: 'SWE', document: 'UTO' } })
    expect(f.explanation.en).toContain('Sweden')
    expect(f.explanation.en).toContain('Utopia')
  })

  it('warns on GBR against a British Overseas Territories Citizen passport (GBD)', async () => {
    const lines = td3Lines({ last: 'SMITH', given: 'JOHN', number: '123456789', country: 'GBR', nationality: 'GBD', birth: '740812', sex: 'M', expiry: '300101' })
    const form = specimenForm({ lastName: 'SMITH', firstName: 'JOHN', sex: 'M', nationality: 'GBR', issuingCountry: 'GB', documentNumber: '123456789', documentExpiry: undefined })
    const findings = await run(contextFor(form, fromMrz(lines)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'NATIONALITY', severity: 'warning', evidence: { kind: 'british-nationality-category' } })
  })

  it('accepts Kosovo as RKS or XK', async () => {
    const lines = td3Lines({ last: 'KRASNIQI', given: 'ARTA', number: 'P01234567', country: 'RKS', birth: '740812', expiry: '300101' })
    const form = specimenForm({ lastName: 'KRASNIQI', firstName: 'ARTA', nationality: 'XK', issuingCountry: 'RKS', documentNumber: 'P01234567', documentExpiry: undefined })
    expect(await run(contextFor(form, fromMrz(lines)))).toEqual([])
  })

  it("does not count sex as a mismatch when the document leaves it unspecified ('<')", async () => {
    const lines = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'L898902C3', birth: '740812', sex: '<', expiry: '300101' })
    expect(await run(contextFor(specimenForm({ sex: 'M', documentExpiry: undefined }), fromMrz(lines)))).toEqual([])
  })

  it('blocks M against F and only warns for a typed X against F', async () => {
    const [m] = await run(contextFor(specimenForm({ sex: 'M' }), fromMrz(SPECIMEN_TD3)))
    expect(m).toMatchObject({ code: 'SEX', severity: 'blocker', evidence: { typed: 'M', document: 'F' } })
    const [x] = await run(contextFor(specimenForm({ sex: 'X' }), fromMrz(SPECIMEN_TD3)))
    expect(x).toMatchObject({ code: 'SEX', severity: 'warning' })
  })
})

describe('identity data: check digits, age, no document data', () => {
  it('reports a failed check digit from the vendor MRZ as a blocker naming the field', async () => {
    const data = { ...fromMrz(SPECIMEN_TD3), source: 'vendor' as const, artifact: undefined, mrzRegion: undefined }
    data.checks = data.checks!.map((c) => (c.field === 'dateOfBirth' || c.field === 'composite' ? { ...c, valid: false } : c))
    const findings = byCode(await run(contextFor(specimenForm(), data)), 'MRZ_CHECK_DIGIT')
    expect(findings).toHaveLength(1) // the composite failure follows from the field's
    expect(findings[0]).toMatchObject({ severity: 'blocker', evidence: { field: 'dateOfBirth', failedChecks: ['dateOfBirth', 'composite'] } })
  })

  it('blocks a customer under 18 at submission by both dates', async () => {
    const lines = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'L898902C3', birth: '100301', expiry: '300101' })
    const findings = await run(contextFor(specimenForm({ dateOfBirth: '2010-03-01', documentExpiry: undefined }), fromMrz(lines)))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'UNDERAGE', severity: 'blocker', evidence: { formAge: 16, documentAge: 16, minimumAge: 18, basedOn: 'both' } })
    expect(findings[0].explanation.en).toContain('16')
  })

  it('counts age on the submission day: 18 the day before is still under age', async () => {
    const lines = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'L898902C3', birth: '081121', expiry: '300101' })
    const findings = await run(contextFor(specimenForm({ dateOfBirth: '2008-11-21', documentExpiry: undefined }), fromMrz(lines)))
    expect(byCode(findings, 'UNDERAGE')).toHaveLength(1)
    const adult = td3Lines({ last: 'ERIKSSON', given: 'ANNA MARIA', number: 'L898902C3', birth: '081120', expiry: '300101' })
    expect(await run(contextFor(specimenForm({ dateOfBirth: '2008-11-20', documentExpiry: undefined }), fromMrz(adult)))).toEqual([])
  })

  it('only warns when the typed date makes the customer a minor but the document does not', async () => {
    const findings = await run(contextFor(specimenForm({ dateOfBirth: '2014-08-12' }), fromMrz(SPECIMEN_TD3)))
    expect(byCode(findings, 'DATE_OF_BIRTH')[0].evidence).toMatchObject({ kind: 'year-differs' })
    expect(byCode(findings, 'UNDERAGE')[0]).toMatchObject({ severity: 'warning', evidence: { basedOn: 'form', documentAge: 52 } })
  })

  it('compares nothing when the document could not be read, and says so', async () => {
    const findings = await run(contextFor(specimenForm({ lastName: 'SOMEONE', documentNumber: 'X' }), NO_DATA))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'DOCUMENT_DATA_UNAVAILABLE', severity: 'info' })
  })

  it('still checks age by the typed date when the document could not be read', async () => {
    const findings = await run(contextFor(specimenForm({ dateOfBirth: '2012-01-01' }), NO_DATA))
    expect(byCode(findings, 'UNDERAGE')[0]).toMatchObject({ severity: 'blocker', evidence: { basedOn: 'form', documentAge: null } })
  })

  it('uses the vendor value without an image region', async () => {
    const [f] = await run(contextFor(specimenForm({ lastName: 'ERIKSON' }), fromVendor({ lastName: 'ERIKSSON', firstName: 'ANNA MARIA' })))
    expect(f.evidence.documentSource).toBe('vendor')
    expect(f.artifact).toBeUndefined()
    expect(f.region).toBeUndefined()
    expect(f.explanation.en).toContain('vendor')
  })
})

describe('identity data: our own MRZ read against the vendor', () => {
  // The MRZ reader dropped the first letter of YANG, shifting the issuing state to HNY.
  const misread = fromMrz(['I<CHNANG<<JIE<<<<<<<<<<<<<<<<<<<<<<<', 'E585619640CHN7709025M2808288<<<<<<<6'].map((l) => l.padEnd(36, '<')))
  const vendor = {
    name: 'IDCheck Pro',
    decision: 'RED' as const,
    extracted: { firstName: 'JIE', lastName: 'YANG', dateOfBirth: '1977-09-02', documentNumber: 'E58561964', issuingCountry: 'CHN', mrz: ['I<CHNYANG<<JIE<<<<<<<<<<<<<<<<<<<<<<', 'E585619640CHN7709025M2808288<<<<<<<6'] },
  }
  const form = specimenForm({ lastName: 'Yang', firstName: 'Jie', nativeName: '杨杰', sex: 'M', dateOfBirth: '1977-09-02', nationality: 'CHN', issuingCountry: 'CHN', documentType: 'ID_CARD', documentNumber: 'E58561964', documentExpiry: '2028-08-28' })

  it('turns differences the vendor does not see into info notes about a probable misread', async () => {
    const misreadData = { ...misread, fields: { ...misread.fields, issuingCountry: 'HNY' } }
    const findings = await run(contextFor(form, misreadData, { vendor }))
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([])
    const name = findings.find((f) => f.evidence.field === 'lastName')!
    expect(name.evidence).toMatchObject({ ownReadDoubtful: true, vendorValue: 'YANG', document: 'ANG' })
    expect(name.explanation.en).toContain('vendor')
  })

  it('keeps the finding when the vendor sees the same difference', async () => {
    const findings = await run(contextFor({ ...form, lastName: 'Wang' }, fromMrz(vendor.extracted.mrz), { vendor }))
    expect(findings.find((f) => f.evidence.field === 'lastName')).toMatchObject({ severity: 'blocker' })
  })

  it('only warns on a country code no document carries, read by our OCR', async () => {
    const data = { ...fromMrz(SPECIMEN_TD3), fields: { ...fromMrz(SPECIMEN_TD3).fields, issuingCountry: 'UT0' } }
    const [f] = await run(contextFor(specimenForm(), data))
    expect(f).toMatchObject({ code: 'ISSUING_COUNTRY', severity: 'warning', evidence: { kind: 'unknown-code' } })
  })
})
