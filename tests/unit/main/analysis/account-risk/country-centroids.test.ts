import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countryCentroid, countryDistance } from '../../../../../src/main/analysis/account-risk/country-centroids'
import { greatCircleKm } from '../../../../../src/main/analysis/account-risk/geo'

const file = JSON.parse(readFileSync(join(__dirname, '../../../../../resources/data/country-centroids.json'), 'utf8')) as {
  header: { source: string; date: string }
  countries: Record<string, { lat: number; lon: number; areaKm2: number }>
}

describe('country centroids', () => {
  it('names its source and date and covers every ISO 3166-1 alpha-2 code', () => {
    expect(file.header.source).toMatch(/countries\.csv/)
    expect(file.header.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Every code the ICU region list knows that is an ISO 3166-1 alpha-2 assignment (not the
    // reserved or withdrawn ones) must be present.
    const regions = new Intl.DisplayNames(['en'], { type: 'region' })
    const notIso = new Set(['AC', 'AN', 'BU', 'CP', 'CQ', 'CS', 'DD', 'DG', 'DY', 'EA', 'EU', 'EZ', 'FX', 'HV', 'IC', 'NH', 'QO', 'RH', 'SU', 'TA', 'TP', 'UK', 'UN', 'VD', 'XA', 'XB', 'YD', 'YU', 'ZR', 'ZZ'])
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    const missing: string[] = []
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b
        if (notIso.has(code) || regions.of(code) === code) continue
        if (!file.countries[code]) missing.push(code)
      }
    }
    expect(missing).toEqual([])
    expect(Object.keys(file.countries).length).toBeGreaterThanOrEqual(249)
    for (const c of Object.values(file.countries)) {
      expect(Math.abs(c.lat)).toBeLessThanOrEqual(90)
      expect(Math.abs(c.lon)).toBeLessThanOrEqual(180)
      expect(c.areaKm2).toBeGreaterThan(0)
    }
  })

  it('measures great-circle distances like the published ones', () => {
    // London – Paris 344 km, New York – Los Angeles 3,936 km (haversine on the mean radius).
    expect(greatCircleKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(343.5, 0)
    expect(greatCircleKm({ lat: 40.7128, lon: -74.006 }, { lat: 34.0522, lon: -118.2437 })).toBeGreaterThan(3930)
    expect(greatCircleKm({ lat: 40.7128, lon: -74.006 }, { lat: 34.0522, lon: -118.2437 })).toBeLessThan(3945)
  })

  it('gives neighbours an at-least distance of about zero and far countries thousands of km', () => {
    const d = (a: string, b: string) => countryDistance(countryCentroid(a)!, countryCentroid(b)!)
    expect(d('DE', 'PL').minimumKm).toBe(0)
    expect(d('US', 'CA').minimumKm).toBe(0)
    expect(d('DE', 'BR').minimumKm).toBeGreaterThan(7000)
    expect(d('DE', 'BR').centroidKm).toBeGreaterThan(d('DE', 'BR').minimumKm)
    expect(countryCentroid('uk')).toEqual(countryCentroid('GB'))
    expect(countryCentroid('XX')).toBeUndefined()
  })
})
