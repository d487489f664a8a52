import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { resourcePath } from '../../resources'
import { greatCircleKm } from './geo'

const CountrySchema = z.object({
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  areaKm2: z.number().nonnegative(),
})
export type CountryCentroid = z.infer<typeof CountrySchema> & { code: string }

const FileSchema = z.object({
  header: z.object({
    source: z.string().min(1),
    date: z.string().min(1),
    aliases: z.record(z.string(), z.string()).default({}),
  }),
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), CountrySchema),
})

interface CentroidTable {
  byCode: Map<string, CountryCentroid>
  aliases: Record<string, string>
}

let table: CentroidTable | undefined

function load(): CentroidTable {
  const file = resourcePath('data', 'country-centroids.json')
  const parsed = FileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const byCode = new Map(Object.entries(parsed.countries).map(([code, c]) => [code, { ...c, code }]))
  return { byCode, aliases: parsed.header.aliases }
}

/** The centroid of an ISO 3166-1 alpha-2 code (case-insensitive; `UK` → GB), or undefined for unknown codes. */
export function countryCentroid(code: string): CountryCentroid | undefined {
  table ??= load()
  const upper = code.trim().toUpperCase()
  return table.byCode.get(table.aliases[upper] ?? upper)
}

export interface CountryDistance {
  /** Between the two countries' centroids. */
  centroidKm: number
  /**
   * How far apart two places in these countries are at least, estimated as the centroid distance
   * minus each country's equal-area radius. Centroid distance alone would call a hop from Detroit
   * to Windsor (US → CA, 2 km) a 1,850 km trip.
   */
  minimumKm: number
}

function equalAreaRadiusKm(c: CountryCentroid): number {
  return Math.sqrt(c.areaKm2 / Math.PI)
}

export function countryDistance(a: CountryCentroid, b: CountryCentroid): CountryDistance {
  const centroidKm = greatCircleKm(a, b)
  return { centroidKm, minimumKm: Math.max(0, centroidKm - equalAreaRadiusKm(a) - equalAreaRadiusKm(b)) }
}
