/**
 * The non-pixel analysers (account-risk, uploads, client, backlog): time per case on typical and
 * on maximal inputs (the schema's 10,000 logins and 1,000 upload rows), and how the country
 * table judges travel: the share of country pairs whose at-least distance is under
 * minTravelDistanceKm (never "impossible"), and the shortest gap that is still possible for a few
 * pairs.
 */
import { accountRiskAnalyser } from '../../src/main/analysis/account-risk'
import { accountRiskSettings } from '../../src/main/analysis/account-risk/account-risk-settings'
import { countryCentroid, countryDistance } from '../../src/main/analysis/account-risk/country-centroids'
import { backlogAnalyser } from '../../src/main/analysis/backlog'
import { clientAnalyser } from '../../src/main/analysis/client'
import { uploadsAnalyser } from '../../src/main/analysis/uploads'
import type { Analyser } from '../../src/main/analysis/types'
import type { CaseBundle } from '../../src/shared/domain/case-bundle'
import { makeBundle, makeContext, testSettings } from '../unit/main/analysis/helpers'
import { prng, summarise, timeAsync } from './stats'

const COUNTRIES = ['DE', 'DE', 'DE', 'DE', 'FR', 'PL', 'NL', 'US', 'BR', 'CN', 'SG']

function logins(n: number, rnd: () => number) {
  const start = Date.parse('2025-01-01T00:00:00Z')
  const step = (Date.parse('2026-11-20T09:00:00Z') - start) / n
  return Array.from({ length: n }, (_, i) => ({
    at: new Date(start + i * step + rnd() * step * 0.5).toISOString(),
    ip: '203.0.113.7',
    country: COUNTRIES[Math.floor(rnd() * COUNTRIES.length)],
    deviceId: `d-${Math.floor(rnd() * 6)}`,
    success: rnd() > 0.1,
  }))
}

function uploads(n: number, rnd: () => number): NonNullable<CaseBundle['uploads']> {
  return Array.from({ length: n }, (_, i) => {
    const total = 2_000_000
    const fail = rnd() < 0.3
    return {
      file: ['id_front.jpg', 'id_back.jpg', 'selfie.jpg'][i % 3],
      startedAt: new Date(Date.parse('2026-11-20T09:00:00Z') + i * 1000).toISOString(),
      bytesSent: fail ? Math.floor(rnd() * total) : total,
      bytesTotal: total,
      httpStatus: fail ? 0 : 200,
    }
  })
}

async function timeRuns(analyser: Analyser, bundle: CaseBundle, runs: number) {
  const samples: number[] = []
  let findings = 0
  for (let i = 0; i < runs; i++) {
    const [out, ms] = await timeAsync(() => analyser.run(makeContext(bundle, { now: new Date('2026-11-23T12:00:00Z') })))
    samples.push(ms)
    findings = out.length
  }
  return { ms: summarise(samples), findings }
}

function travelTable() {
  const s = accountRiskSettings(testSettings())
  const codes = Object.keys(
    Object.fromEntries(
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
        .split('')
        .flatMap((a) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((b) => a + b))
        .filter((c) => countryCentroid(c) && c !== 'UK')
        .map((c) => [c, true]),
    ),
  )
  let pairs = 0
  let neverJudged = 0
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      pairs++
      if (countryDistance(countryCentroid(codes[i])!, countryCentroid(codes[j])!).minimumKm < s.minTravelDistanceKm) neverJudged++
    }
  }
  const shortestPossibleHours = Object.fromEntries(
    [['DE', 'BR'], ['DE', 'US'], ['DE', 'GB'], ['CN', 'TW'], ['US', 'CA'], ['DE', 'TR']].map(([a, b]) => {
      const d = countryDistance(countryCentroid(a)!, countryCentroid(b)!)
      const hours = d.minimumKm < s.minTravelDistanceKm ? 0 : d.minimumKm / s.maxTravelSpeedKmh
      return [`${a}-${b}`, { centroidKm: Math.round(d.centroidKm), minimumKm: Math.round(d.minimumKm), shortestPossibleHours: Math.round(hours * 100) / 100 }]
    }),
  )
  return { countries: codes.length, pairs, shareNeverJudged: Math.round((neverJudged / pairs) * 10000) / 10000, shortestPossibleHours }
}

export default async function bench(): Promise<Record<string, unknown>> {
  const rnd = prng(7)
  const account = (n: number) => makeBundle({ account: { createdAt: '2024-12-01T00:00:00Z', twoFactorEnabled: false, logins: logins(n, rnd) } })
  const device = makeBundle({
    device: { userAgent: 'Mozilla/5.0 (Linux; Android 7.0; SM-G930F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/9.2 Chrome/67.0.3396.87 Mobile Safari/537.36', clientVersion: '2.12.0' },
  })
  return {
    accountRisk50Logins: await timeRuns(accountRiskAnalyser, account(50), 200),
    accountRisk10000Logins: await timeRuns(accountRiskAnalyser, account(10_000), 20),
    uploads12Rows: await timeRuns(uploadsAnalyser, makeBundle({ uploads: uploads(12, rnd) }), 200),
    uploads1000Rows: await timeRuns(uploadsAnalyser, makeBundle({ uploads: uploads(1000, rnd) }), 50),
    client: await timeRuns(clientAnalyser, device, 200),
    backlog: await timeRuns(backlogAnalyser, makeBundle({ status: 'pending', submittedAt: '2026-11-20T09:00:00Z' }), 200),
    travel: travelTable(),
  }
}
