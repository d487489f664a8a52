import { describe, expect, it } from 'vitest'
import { correctMrz, fromText, mrzDateToIso, parseMrzLines, textOf } from '../../../../../src/main/analysis/mrz'
import { nameFieldUnreadable } from '../../../../../src/main/analysis/mrz/correct'
import { defaultMrzSettings } from '../../../../../src/main/analysis/mrz/mrz-settings'
import type { RecognisedChar } from '../../../../../src/main/analysis/mrz/recogniser'

const s = defaultMrzSettings()
const now = new Date('2026-11-29T00:00:00Z')
const correct = (lines: string[]) => correctMrz(lines.map(fromText), s)?.lines.map(textOf)

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']

describe('MRZ correction', () => {
  it('repairs a country code to the ICAO list: UT0 -> UTO, 0AN -> CAN', () => {
    expect(correct([TD3[0].replace('UTO', 'UT0'), TD3[1].replace('UTO', 'UT0')])).toEqual(TD3)
    const can = ['P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<', 'ZE000509<9CAN8501019F2301147<<<<<<<<<<<<<<08']
    expect(correct([can[0].replace('CAN', '0AN'), can[1]])?.[0]).toBe(can[0])
  })

  it('keeps a code that is on no list rather than inventing one', () => {
    const rou = ['IDROUSAVA<<SUPERMAN<<<<<<<<<<<<<<<<<', 'HD198025<51328505095M130509012049941']
    expect(correct(rou)).toEqual(rou)
  })

  it('puts digits in dates and letters in names', () => {
    const read = [TD3[0].replace('ERIKSSON', 'ER1KSS0N'), TD3[1].replace('740812', '74O8I2')]
    expect(correct(read)).toEqual(TD3)
  })

  it('restores a miscounted filler run to the format length', () => {
    expect(correct([TD3[0].replace('<<<<<<', '<<<<'), TD3[1].replace('B<<<<<10', 'B<<<<<<10')])).toEqual(TD3)
  })

  it('reads K in the name filler as <, when the model saw < there too', () => {
    const chars = fromText(TD3[0].slice(0, 30) + 'K' + TD3[0].slice(31))
    chars[30] = { char: 'K', p: 0.6, alternatives: [{ char: '<', p: 0.35 }] } satisfies RecognisedChar
    expect(correctMrz([chars, fromText(TD3[1])], s)?.lines.map(textOf)).toEqual(TD3)
  })

  it('takes a lone K before the filler for filler when the same line shows K read for <', () => {
    const truth = 'P<D<<MUELLER<<MATTHIAS<<<<<<<<<<<<<<<<<<<<<<'
    const misread = 'P<D<<MUELLER<<MATTHIAS<K<<<<<KK<<<K<<<<<<<<<'
    const chars = fromText(misread).map((c, i) =>
      c.char === 'K' ? ({ char: 'K', p: i === 23 ? 0.93 : 0.6, alternatives: [{ char: '<', p: i === 23 ? 0.01 : 0.3 }] } satisfies RecognisedChar) : c,
    )
    expect(correctMrz([chars, fromText(TD3[1])], s)?.lines.map(textOf)[0]).toBe(truth)
    // Without that confusion in the filler, a one-letter name stays a name.
    const initial = 'P<GBRSMITH<<JOHN<K<<<<<<<<<<<<<<<<<<<<<<<<<<'
    expect(correct([initial, TD3[1]])?.[0]).toBe(initial)
  })

  it('calls a name field unreadable when its filler is still read as runs of C or K', () => {
    // A 298 px thumbnail of the Taiwan passport: every '<' read as C or K, no '<<<' to end the names.
    const thumb = correctMrz([fromText('PCTWNLINKCMEICHUAKCCCCKCCCCCC<CCCCCCCCCCCCCC'), fromText(TD3[1])], s)!
    expect(nameFieldUnreadable(thumb.lines, thumb.format)).toBe(true)
    for (const names of ['ERIKSSON<<ANNA<MARIA', 'LEE<<ALICE<ELLIE', 'MCCULLOCH<<KIERAN', 'LI<<XIUYING']) {
      const ok = correctMrz([fromText(`P<UTO${names}`.padEnd(44, '<')), fromText(TD3[1])], s)!
      expect(nameFieldUnreadable(ok.lines, ok.format), names).toBe(false)
    }
  })

  it('uses the check digit and the model runner-up to fix a document number', () => {
    const line2 = fromText(TD3[1])
    line2[1] = { char: '3', p: 0.7, alternatives: [{ char: '8', p: 0.25 }] }
    expect(correctMrz([fromText(TD3[0]), line2], s)?.lines.map(textOf)).toEqual(TD3)
  })

  it('does not guess when a failing check digit has no clear repair', () => {
    const broken = TD3[1].slice(0, 13) + '999999' + TD3[1].slice(19)
    const out = correct([TD3[0], broken])!
    expect(parseMrzLines(out, now)?.checks.find((c) => c.field === 'dateOfBirth')?.valid).toBe(false)
  })

  it('refuses lines of no MRZ shape', () => {
    expect(correctMrz([fromText('HELLO WORLD')], s)).toBeNull()
    expect(correctMrz([fromText('P<UTO'), fromText('L898902C3')], s)).toBeNull()
  })
})

describe('MRZ dates and parsing', () => {
  it('puts birth dates that would be in the future in the previous century; expiry in 20xx', () => {
    expect(mrzDateToIso('740812', 'birth', now)).toBe('1974-08-12')
    expect(mrzDateToIso('201231', 'birth', now)).toBe('2020-12-31')
    expect(mrzDateToIso('301231', 'birth', now)).toBe('1930-12-31')
    expect(mrzDateToIso('740812', 'expiry', now)).toBe('2074-08-12')
    expect(mrzDateToIso('741312', 'birth', now)).toBeUndefined()
  })

  it('judges check digits one by one even when the code is fictional', () => {
    const parsed = parseMrzLines(TD3, now)!
    expect(parsed.checks.map((c) => c.field)).toEqual(['documentNumber', 'dateOfBirth', 'documentExpiry', 'personalNumber', 'composite'])
    expect(parsed.checks.every((c) => c.valid)).toBe(true)
    expect(parsed.fields.issuingCountry).toBe('UTO')
  })
})
