import { readFileSync } from 'node:fs'
import { resourcePath } from '../../resources'

/**
 * Country codes as customers type them and documents print them: ISO 3166-1 alpha-2 (DE),
 * alpha-3 (DEU) and the ICAO 9303 codes (D for Germany, GBD/GBN/GBO/GBP/GBS British categories,
 * RKS/XXK Kosovo, UTO the specimen state, EUE, UNO, XXA…), all mapped to one canonical code.
 * Data: resources/data/iso3166-icao-country-codes.json (sources inside).
 */

interface CountryFile {
  countries: { alpha2: string; alpha3: string; name: string }[]
  icao: { code: string; alpha3: string; alpha2?: string; name: string; category?: string; specimen?: boolean }[]
  alpha2Aliases: { code: string; alpha2: string }[]
}

export interface Country {
  /** The code as given, upper case, fillers removed. */
  code: string
  /** Canonical alpha-3 (ICAO codes of the same state map to it: D → DEU, GBD → GBR). */
  alpha3: string
  alpha2?: string
  name: string
  /** For British nationality categories (GBD, GBN…): which one. GBR itself has none. */
  category?: string
  /** UTO: the fictional state of the ICAO specimens. */
  specimen?: boolean
}

interface Index {
  byCode: Map<string, Country>
  alpha2: Set<string>
}

let index: Index | undefined
function load(): Index {
  if (index) return index
  const file = JSON.parse(readFileSync(resourcePath('data', 'iso3166-icao-country-codes.json'), 'utf8')) as CountryFile
  const byCode = new Map<string, Country>()
  const alpha2 = new Set<string>()
  for (const c of file.countries) {
    const country: Country = { code: c.alpha3, alpha3: c.alpha3, alpha2: c.alpha2, name: c.name }
    byCode.set(c.alpha3, country)
    byCode.set(c.alpha2, { ...country, code: c.alpha2 })
    byCode.set(plainName(c.name), { ...country, code: c.alpha3 })
    alpha2.add(c.alpha2)
  }
  for (const c of file.icao) {
    const base = byCode.get(c.alpha3)
    const country: Country = {
      code: c.code,
      alpha3: c.alpha3,
      alpha2: c.alpha2 ?? base?.alpha2,
      name: c.category ? `${base?.name ?? c.alpha3} (${c.category})` : c.name,
      ...(c.category ? { category: c.category } : {}),
      ...(c.specimen ? { specimen: true } : {}),
    }
    byCode.set(c.code, country)
    if (c.alpha2 && !byCode.has(c.alpha2)) {
      byCode.set(c.alpha2, { ...country, code: c.alpha2 })
      alpha2.add(c.alpha2)
    }
  }
  for (const a of file.alpha2Aliases) {
    const target = byCode.get(a.alpha2)
    if (target) byCode.set(a.code, { ...target, code: a.code })
    alpha2.add(a.code)
  }
  index = { byCode, alpha2 }
  return index
}

function plainName(name: string): string {
  return name.toUpperCase().replace(/\(THE\)/g, '').replace(/[^A-Z]+/g, ' ').trim()
}

/** The country a code (or an English country name) stands for, or null when unknown. */
export function lookupCountry(value: string): Country | null {
  const code = value.trim().toUpperCase().replace(/<+/g, '')
  if (code === '') return null
  const { byCode } = load()
  return byCode.get(code) ?? byCode.get(plainName(value)) ?? null
}

/** True for an assigned ISO 3166-1 alpha-2 code (plus XK Kosovo and the reserved UK, EL). */
export function isAlpha2(code: string): boolean {
  return load().alpha2.has(code.trim().toUpperCase())
}

export type CountryRelation = 'same' | 'same-state-other-category' | 'different' | 'unknown'

/** How two country codes relate: GB = GBR = same; GBR vs GBD = British, other category. */
export function relateCountries(a: string, b: string): CountryRelation {
  const ca = lookupCountry(a)
  const cb = lookupCountry(b)
  if (!ca || !cb) {
    const na = a.trim().toUpperCase().replace(/<+/g, '')
    const nb = b.trim().toUpperCase().replace(/<+/g, '')
    return na === nb ? 'same' : 'unknown'
  }
  if (ca.alpha3 !== cb.alpha3) return 'different'
  return (ca.category ?? '') === (cb.category ?? '') ? 'same' : 'same-state-other-category'
}
