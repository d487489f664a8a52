import type { Rng } from './prng'

/**
 * Account histories: logins, 2FA, password changes. IP addresses come from the documentation
 * ranges of RFC 5737 only (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
 */

export interface Login {
  at: string
  ip: string
  country: string
  deviceId: string
  success: boolean
}

export interface Account {
  createdAt: string
  twoFactorEnabled: boolean
  passwordChangedAt?: string
  logins: Login[]
}

export type AccountRisk = 'IMPOSSIBLE_TRAVEL' | 'FAILED_LOGINS' | 'NEW_DEVICE'

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

export function deviceId(rng: Rng): string {
  return `d-${rng.letters(4, '0123456789abcdef')}`
}

export function homeIp(rng: Rng): string {
  return `198.51.100.${rng.int(2, 254)}`
}

function foreignIp(rng: Rng): string {
  return `203.0.113.${rng.int(2, 254)}`
}

/** A country far from home, for the "impossible travel" pair. */
function farCountry(home: string): string {
  return ['BR', 'US', 'AU'].includes(home) ? 'DE' : 'BR'
}

export interface AccountOptions {
  home: string
  submittedAt: number
  risk?: AccountRisk
  /** Fixed per account, so attempts of one account share their history. */
  createdAt: number
  homeDevice: string
}

export interface AccountResult {
  account: Account
  deviceId: string
  params: Record<string, number | string>
}

export function makeAccount(opts: AccountOptions, rng: Rng): AccountResult {
  const t = opts.submittedAt
  const createdAt = opts.createdAt
  const device = opts.homeDevice
  const ip = homeIp(rng)
  const logins: Login[] = []
  // Ordinary history: a handful of logins from home, same device, over the last weeks.
  const n = rng.int(3, 6)
  for (let i = 0; i < n; i++) {
    const at = t - rng.int(2, 28) * DAY - rng.int(0, 23) * HOUR
    logins.push({ at: iso(Math.max(at, createdAt + HOUR)), ip, country: opts.home, deviceId: device, success: true })
  }
  const params: Record<string, number | string> = {}
  let twoFactorEnabled = true
  let passwordChangedAt: string | undefined = rng.chance(0.3) ? iso(createdAt + rng.int(1, 20) * DAY) : undefined
  let submitDevice = device

  if (opts.risk === 'IMPOSSIBLE_TRAVEL') {
    const first = t - rng.int(125, 135) * MIN
    const far = farCountry(opts.home)
    const second = first + rng.int(115, 125) * MIN
    const farDevice = deviceId(rng)
    logins.push({ at: iso(first), ip, country: opts.home, deviceId: device, success: true })
    logins.push({ at: iso(second), ip: foreignIp(rng), country: far, deviceId: farDevice, success: true })
    submitDevice = farDevice
    params.from = opts.home
    params.to = far
    params.minutesBetween = Math.round((second - first) / MIN)
  } else if (opts.risk === 'FAILED_LOGINS') {
    // Credential stuffing: a burst of wrong passwords from one new address, then a success.
    const burst = rng.int(8, 15)
    const start = t - rng.int(40, 70) * MIN
    const attackerDevice = deviceId(rng)
    const attackerIp = foreignIp(rng)
    const country = rng.chance(0.5) ? opts.home : farCountry(opts.home)
    for (let i = 0; i < burst; i++) {
      logins.push({ at: iso(start + i * rng.int(20, 50) * 1000), ip: attackerIp, country, deviceId: attackerDevice, success: false })
    }
    logins.push({ at: iso(start + burst * 45_000 + rng.int(1, 4) * MIN), ip: attackerIp, country, deviceId: attackerDevice, success: true })
    submitDevice = attackerDevice
    twoFactorEnabled = rng.chance(0.3)
    params.failedLogins = burst
    params.country = country
  } else if (opts.risk === 'NEW_DEVICE') {
    // Takeover pattern: unknown device, password changed, 2FA off, then straight to KYC.
    const newDevice = deviceId(rng)
    const loginAt = t - rng.int(35, 80) * MIN
    logins.push({ at: iso(loginAt), ip: homeIp(rng), country: opts.home, deviceId: newDevice, success: true })
    passwordChangedAt = iso(loginAt + rng.int(4, 15) * MIN)
    twoFactorEnabled = false
    submitDevice = newDevice
    params.minutesPasswordBeforeSubmit = Math.round((t - Date.parse(passwordChangedAt)) / MIN)
  } else {
    // The session the customer submitted from: a login shortly before.
    logins.push({ at: iso(t - rng.int(8, 50) * MIN), ip, country: opts.home, deviceId: device, success: true })
  }
  logins.sort((a, b) => a.at.localeCompare(b.at))
  const account: Account = { createdAt: iso(createdAt), twoFactorEnabled, logins }
  if (passwordChangedAt) account.passwordChangedAt = passwordChangedAt
  return { account, deviceId: submitDevice, params }
}
