/**
 * The identity-data and document-expiry analysers: time per case (document data given, so no
 * OCR), and the name-typo thresholds measured on 220 common surnames of 15 countries
 * (tests/fixtures/identity-data/common-surnames.json):
 * - typo recall: the share of simulated slips (one or two random substitutions, deletions,
 *   doubled letters or swapped neighbours) that the rule calls a typo;
 * - false typos: the share of pairs of distinct real surnames the rule would call a typo of
 *   each other rather than a different name.
 * Both are reported for a grid of (maxEdits, maxEditFraction); the settings take the row chosen.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { editDistance } from '../../src/main/analysis/identity-data/edit-distance'
import { documentExpiryAnalyser, identityDataAnalyser } from '../../src/main/analysis/identity-data'
import { identityDataSettings } from '../../src/main/analysis/identity-data/identity-settings'
import { isTypo } from '../../src/main/analysis/identity-data/compare-names'
import { contextFor, fromMrz, specimenForm, td3Lines } from '../unit/main/analysis/identity-data/document-data-fixtures'
import { testSettings } from '../unit/main/analysis/helpers'
import { prng, summarise, timeAsync } from './stats'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

function slip(name: string, rnd: () => number): string {
  const chars = [...name]
  const i = Math.floor(rnd() * chars.length)
  const kind = Math.floor(rnd() * 4)
  if (kind === 0) chars[i] = ALPHABET[Math.floor(rnd() * 26)]
  else if (kind === 1 && chars.length > 2) chars.splice(i, 1)
  else if (kind === 2) chars.splice(i, 0, chars[i])
  else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]]
  return chars.join('')
}

function typoThresholds() {
  const names: string[] = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/identity-data/common-surnames.json', import.meta.url)), 'utf8')).surnames
  const rnd = prng(20261120)
  const slips: { edits: number; length: number; n: 1 | 2 }[] = []
  for (const name of names) {
    for (const n of [1, 2] as const) {
      for (let k = 0; k < 10; k++) {
        let s = slip(name, rnd)
        if (n === 2) s = slip(s, rnd)
        const edits = editDistance(s, name)
        if (edits > 0) slips.push({ edits, length: Math.max(s.length, name.length), n })
      }
    }
  }
  const pairs: { edits: number; length: number }[] = []
  for (let a = 0; a < names.length; a++) for (let b = a + 1; b < names.length; b++) pairs.push({ edits: editDistance(names[a], names[b]), length: Math.max(names[a].length, names[b].length) })
  const grid = []
  for (const maxEdits of [1, 2, 3]) {
    for (const maxFraction of [0.15, 0.2, 0.25, 0.34, 0.5]) {
      const s = { ...identityDataSettings(testSettings()), nameTypoMaxEdits: maxEdits, nameTypoMaxEditFraction: maxFraction }
      const caught = (n: 1 | 2) => {
        const of = slips.filter((x) => x.n === n)
        return of.filter((x) => isTypo(x.edits, x.length, s)).length / of.length
      }
      const falseTypos = pairs.filter((p) => isTypo(p.edits, p.length, s)).length
      grid.push({ maxEdits, maxFraction, recallOneSlip: round(caught(1)), recallTwoSlips: round(caught(2)), falseTypoPairs: falseTypos, falseTypoRate: round(falseTypos / pairs.length, 5) })
    }
  }
  return { surnames: names.length, slips: slips.length, distinctPairs: pairs.length, grid }
}

/**
 * Document numbers: how often two different 9-character numbers of the same pattern (one
 * letter, eight digits, like L898902C3 or 000000000 variants) lie within maxEdits of each other,
 * against the share of one- and two-slip typing errors caught.
 */
function numberThresholds() {
  const rnd = prng(9303)
  const DIGITS = '0123456789'
  const make = () => ALPHABET[Math.floor(rnd() * 26)] + Array.from({ length: 8 }, () => DIGITS[Math.floor(rnd() * 10)]).join('')
  const numbers = Array.from({ length: 400 }, make)
  const rows = []
  for (const maxEdits of [1, 2, 3]) {
    let close = 0
    let pairs = 0
    for (let a = 0; a < numbers.length; a++) for (let b = a + 1; b < numbers.length; b++) {
      pairs++
      if (editDistance(numbers[a], numbers[b]) <= maxEdits) close++
    }
    let caught = 0
    for (const n of numbers) if (editDistance(slip(slip(n, rnd), rnd), n) <= maxEdits) caught++
    rows.push({ maxEdits, distinctWithinMaxEdits: round(close / pairs, 5), twoSlipRecall: round(caught / numbers.length) })
  }
  return { numbers: numbers.length, rows }
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

async function timing() {
  const lines = td3Lines({ last: 'LIN', given: 'MEI HUA', number: '000000000', country: 'TWN', birth: '760101', expiry: '300401' })
  const form = specimenForm({ lastName: 'MEIHUA', firstName: 'LIN', nativeName: '林美華', nationality: 'TWN', issuingCountry: 'TWN', documentNumber: '0000O0000', dateOfBirth: '1976-01-10', address: { line1: 'No. 1, Shifu Rd', city: 'Taipei', postalCode: '110', country: 'TW' } })
  const samples: number[] = []
  for (let i = 0; i < 200; i++) {
    const ctx = contextFor(form, fromMrz(lines))
    const [, ms] = await timeAsync(async () => {
      await identityDataAnalyser.run(ctx)
      await documentExpiryAnalyser.run(ctx)
    })
    samples.push(ms)
  }
  return summarise(samples.slice(1)) // the first run loads the data files and pinyin dictionary
}

export default async function bench(): Promise<Record<string, unknown>> {
  return { perCaseMs: await timing(), nameTypoThresholds: typoThresholds(), documentNumberTypoThresholds: numberThresholds() }
}
