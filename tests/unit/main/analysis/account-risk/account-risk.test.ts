import { describe, expect, it } from 'vitest'
import { accountRiskAnalyser } from '../../../../../src/main/analysis/account-risk'
import type { CaseBundle } from '../../../../../src/shared/domain/case-bundle'
import { FindingSchema, type Finding } from '../../../../../src/shared/domain/finding'
import { makeBundle, makeContext } from '../helpers'

type Login = NonNullable<NonNullable<CaseBundle['account']>['logins']>[number]

const IPS: Record<string, string> = { DE: '91.64.12.7', BR: '177.92.3.40', PL: '83.24.1.9', US: '73.15.200.4', CA: '99.230.1.8' }

function login(at: string, country: string, deviceId = 'd-home', success = true): Login {
  return { at, country, deviceId, success, ip: IPS[country] ?? '203.0.113.7' }
}

/** A German customer's ordinary history: the same laptop and phone, from Germany, since spring. */
const HOME: Login[] = [
  login('2026-04-02T18:10:00Z', 'DE', 'd-laptop'),
  login('2026-06-15T07:45:00Z', 'DE', 'd-phone'),
  login('2026-09-01T20:30:00Z', 'DE', 'd-laptop'),
  login('2026-11-19T21:05:00Z', 'DE', 'd-phone'),
]

async function run(account: CaseBundle['account'], submittedAt = '2026-11-20T10:00:00Z'): Promise<Finding[]> {
  const bundle = makeBundle({ account, submittedAt })
  const findings = await accountRiskAnalyser.run(makeContext(bundle))
  for (const f of findings) expect(FindingSchema.parse(f)).toEqual(f)
  return findings
}

const counted = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info')
const byCode = (fs: Finding[], code: string) => fs.find((f) => f.code === code)

describe('account risk: clean accounts', () => {
  it('finds nothing on an old account with 2FA on and logins from one country', async () => {
    const findings = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: HOME })
    expect(findings).toEqual([])
  })

  it('reports 2FA off on an otherwise clean account only as info, which never counts as a cause', async () => {
    const findings = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: false, logins: HOME })
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['NO_TWO_FACTOR', 'info']])
    expect(findings[0].remedies).toEqual(['ENABLE_TWO_FACTOR'])
  })

  it('does not call a hop to a neighbouring country impossible, even within the hour', async () => {
    const findings = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: true,
      logins: [...HOME, login('2026-11-20T06:00:00Z', 'DE', 'd-phone'), login('2026-11-20T06:40:00Z', 'PL', 'd-phone')],
    })
    expect(findings).toEqual([])
    // Detroit → Windsor: US and CA touch, 20 minutes apart is fine.
    const border = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: true,
      logins: [login('2026-05-01T08:00:00Z', 'US', 'd-phone'), login('2026-11-20T07:00:00Z', 'US', 'd-phone'), login('2026-11-20T07:20:00Z', 'CA', 'd-phone')],
    })
    expect(byCode(border, 'IMPOSSIBLE_TRAVEL')).toBeUndefined()
  })

  it('accepts a long-haul trip that took as long as a flight', async () => {
    const findings = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: true,
      logins: [...HOME, login('2026-11-19T21:30:00Z', 'DE', 'd-phone'), login('2026-11-20T09:30:00Z', 'US', 'd-phone')],
    })
    expect(byCode(findings, 'IMPOSSIBLE_TRAVEL')).toBeUndefined()
  })
})

describe('account risk: impossible travel', () => {
  it('flags a DE login followed 2 h later by a BR login as a blocker, with countries, km, hours and km/h', async () => {
    const findings = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: true,
      logins: [...HOME, login('2026-11-20T07:00:00Z', 'DE', 'd-phone'), login('2026-11-20T09:00:00Z', 'BR', 'd-phone')],
    })
    const f = byCode(findings, 'IMPOSSIBLE_TRAVEL')!
    expect(f.cause).toBe('ACCOUNT_SECURITY_RISK')
    expect(f.severity).toBe('blocker')
    const hop = (f.evidence.hops as { from: { country: string }; to: { country: string }; hours: number; minimumKm: number; centroidKm: number; impliedKmh: number }[])[0]
    expect(hop.from.country).toBe('DE')
    expect(hop.to.country).toBe('BR')
    expect(hop.hours).toBe(2)
    // Germany and Brazil centroids are ~9,400 km apart; even border to border it is over 7,000 km.
    expect(hop.centroidKm).toBeGreaterThan(9000)
    expect(hop.minimumKm).toBeGreaterThan(7000)
    expect(hop.impliedKmh).toBeGreaterThan(3500)
    expect(f.evidence.maxTravelSpeedKmh).toBe(900)
    expect(f.explanation.en).toContain('Germany (DE)')
    expect(f.explanation.en).toContain('Brazil (BR)')
    expect(f.explanation.en).toMatch(/2\.0 h = [\d,]+ km\/h/)
    expect(f.explanation['zh-CN']).toContain('德国')
    expect(f.explanation['zh-CN']).toContain('巴西')
    expect(f.remedies).toEqual(['SECURE_ACCOUNT', 'CHANGE_PASSWORD', 'ESCALATE_TO_COMPLIANCE'])
  })

  it('lists every impossible hop in time order, whatever order the logins came in', async () => {
    const logins = [
      login('2026-11-20T05:00:00Z', 'DE', 'd-phone'),
      login('2026-11-20T08:00:00Z', 'DE', 'd-phone'),
      login('2026-11-20T06:00:00Z', 'BR', 'd-x'),
      login('2026-11-20T01:00:00Z', 'DE', 'd-phone'),
    ]
    const findings = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: false, logins })
    const f = byCode(findings, 'IMPOSSIBLE_TRAVEL')!
    const hops = f.evidence.hops as { from: { at: string; country: string }; to: { country: string } }[]
    expect(hops.map((h) => `${h.from.country}>${h.to.country}`)).toEqual(['DE>BR', 'BR>DE'])
    const en = f.explanation.en
    expect(en.indexOf('2026-11-20 05:00 UTC')).toBeLessThan(en.indexOf('2026-11-20 06:00 UTC'))
    expect(en.indexOf('2026-11-20 06:00 UTC')).toBeLessThan(en.indexOf('2026-11-20 08:00 UTC'))
    // 2FA off next to a blocker weighs in: a warning, and the remedy list asks for it.
    expect(byCode(findings, 'NO_TWO_FACTOR')!.severity).toBe('warning')
    expect(f.remedies).toContain('ENABLE_TWO_FACTOR')
  })

  it('ignores failed logins and unknown geo-IP codes when judging travel', async () => {
    const findings = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: true,
      logins: [
        ...HOME,
        login('2026-11-20T07:00:00Z', 'DE', 'd-phone'),
        login('2026-11-20T07:30:00Z', 'BR', 'd-bot', false),
        login('2026-11-20T08:00:00Z', 'T1', 'd-phone'),
        login('2026-11-20T08:10:00Z', 'XX', 'd-phone'),
      ],
    })
    expect(byCode(findings, 'IMPOSSIBLE_TRAVEL')).toBeUndefined()
  })
})

describe('account risk: failed logins', () => {
  const failures = (n: number, start: string, stepMin: number, country = 'BR') =>
    Array.from({ length: n }, (_, i) => login(new Date(Date.parse(start) + i * stepMin * 60_000).toISOString(), country, 'd-unknown', false))

  it('does not count a few fumbled passwords or failures spread over days', async () => {
    expect(await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: [...HOME, ...failures(4, '2026-11-20T08:00:00Z', 2)] })).toEqual([])
    expect(await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: [...HOME, ...failures(6, '2026-11-10T08:00:00Z', 24 * 60)] })).toEqual([])
  })

  it('reports 6 failures in 10 minutes without a following success as a warning', async () => {
    const findings = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: [...HOME, ...failures(6, '2026-11-20T08:00:00Z', 2)] })
    const f = byCode(findings, 'FAILED_LOGINS')!
    expect(f.severity).toBe('warning')
    expect(f.evidence).toMatchObject({ failedLogins: 6, spanMinutes: 10, failedLoginsMin: 5, windowMinutes: 60, followingSuccess: null })
    expect(f.explanation.en).toContain('6 failed logins within 10 minutes')
  })

  it('makes a burst a blocker when a never-seen device then logs in, or when it is twice the lock-out limit', async () => {
    const takeover = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: true,
      logins: [...HOME, ...failures(6, '2026-11-20T08:00:00Z', 2), login('2026-11-20T08:15:00Z', 'DE', 'd-new')],
    })
    const f = byCode(takeover, 'FAILED_LOGINS')!
    expect(f.severity).toBe('blocker')
    expect(f.evidence.successFromUnseenDevice).toBe(true)
    expect(f.remedies).toContain('ESCALATE_TO_COMPLIANCE')

    const guessing = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: [...HOME, ...failures(12, '2026-11-20T08:00:00Z', 1)] })
    expect(byCode(guessing, 'FAILED_LOGINS')!.severity).toBe('blocker')
  })
})

describe('account risk: new device and password change', () => {
  it('reports a device first seen 3 h before submission on an old account as a warning', async () => {
    const findings = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: [...HOME, login('2026-11-20T07:00:00Z', 'DE', 'd-tablet')] })
    expect(counted(findings).map((f) => [f.code, f.severity])).toEqual([['NEW_DEVICE', 'warning']])
    const f = findings[0]
    expect(f.evidence).toMatchObject({ deviceId: 'd-tablet', hoursBeforeSubmission: 3, devicesKnownBefore: 2, newDeviceWindowHours: 24 })
  })

  it('does not call devices new on an account created the day before, or seen days earlier', async () => {
    expect(
      await run({ createdAt: '2026-11-19T20:00:00Z', twoFactorEnabled: true, logins: [login('2026-11-19T20:05:00Z', 'DE', 'd-a'), login('2026-11-20T09:00:00Z', 'DE', 'd-b')] }),
    ).toEqual([])
    expect(await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, logins: [...HOME, login('2026-11-16T07:00:00Z', 'DE', 'd-tablet'), login('2026-11-20T07:00:00Z', 'DE', 'd-tablet')] })).toEqual([])
  })

  it('keeps a recent password change alone as info (customers reset forgotten passwords)', async () => {
    const findings = await run({ createdAt: '2026-03-30T12:00:00Z', twoFactorEnabled: true, passwordChangedAt: '2026-11-20T08:30:00Z', logins: HOME })
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['RECENT_PASSWORD_CHANGE', 'info']])
    expect(findings[0].evidence).toMatchObject({ hoursBeforeSubmission: 1.5, passwordChangeWindowHours: 24 })
  })

  it('escalates a new device followed by a password change (the takeover sequence) to blockers', async () => {
    const findings = await run({
      createdAt: '2026-03-30T12:00:00Z',
      twoFactorEnabled: false,
      passwordChangedAt: '2026-11-20T07:20:00Z',
      logins: [...HOME, login('2026-11-20T07:00:00Z', 'DE', 'd-tablet')],
    })
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['NEW_DEVICE', 'blocker'],
      ['RECENT_PASSWORD_CHANGE', 'blocker'],
      ['NO_TWO_FACTOR', 'warning'],
    ])
    expect(findings[2].evidence.otherSignals).toEqual(['NEW_DEVICE', 'RECENT_PASSWORD_CHANGE'])
  })

  it('returns nothing when the bundle has no account section', async () => {
    expect(await run(undefined)).toEqual([])
  })
})
