import type { SupportMatrix, VersionFloor } from './support-matrix'
import type { ParsedUserAgent } from './user-agent'
import { compareVersions } from './versions'

export type Level = 'blocker' | 'warning'

export interface BelowFloor {
  severity: Level
  found: string
  required: string
  supported?: string
  why: string
  whyZh: string
}

type Compare = (a: string, b: string) => number | null

/** blocker below `required`, warning below `supported`, null when at or above both (or not comparable). */
export function judgeFloor(found: string, floor: VersionFloor, compare: Compare = compareVersions): BelowFloor | null {
  const base = { found, required: floor.required, supported: floor.supported, why: floor.why, whyZh: floor.whyZh }
  const vsRequired = compare(found, floor.required)
  if (vsRequired === null) return null
  if (vsRequired < 0) return { severity: 'blocker', ...base }
  if (floor.supported && (compare(found, floor.supported) ?? 0) < 0) return { severity: 'warning', ...base }
  return null
}

/** ua-parser names Windows releases ("XP", "7", "8.1"): compare by release order, not by number. */
function windowsCompare(order: readonly string[]): Compare {
  return (a, b) => {
    const ia = order.indexOf(a)
    const ib = order.indexOf(b)
    return ia < 0 || ib < 0 ? null : ia - ib
  }
}

const ENGINE_LABEL: Record<string, string> = { Blink: 'Chromium', Gecko: 'Gecko', WebKit: 'WebKit' }

export type BrowserVerdict =
  | { kind: 'unsupported'; browser: string; severity: Level; why: string; whyZh: string; inApp: boolean; listed: boolean }
  | ({ kind: 'outdated'; browser: string; version: string; engine?: string; engineVersion?: string; judgedBy: 'browser' | 'engine' } & BelowFloor)

export function checkBrowser(ua: ParsedUserAgent, m: SupportMatrix): BrowserVerdict | null {
  const name = ua.browser.name
  if (!name) return null
  const listed = m.unsupportedBrowsers.find((u) => u.name === name)
  if (listed) return { kind: 'unsupported', browser: name, severity: listed.severity, why: listed.why, whyZh: listed.whyZh, inApp: ua.browser.type === 'inapp', listed: true }
  if (ua.browser.type === 'inapp' && !m.inAppBrowsers.except.includes(name)) {
    return { kind: 'unsupported', browser: name, severity: m.inAppBrowsers.severity, why: m.inAppBrowsers.why, whyZh: m.inAppBrowsers.whyZh, inApp: true, listed: false }
  }
  // Every iOS browser runs the system WebKit: its own version says nothing, the iOS version decides.
  if (ua.os.name === 'iOS') return null
  const entry = Object.entries(m.browsers).find(([key, b]) => key === name || b.aliases.includes(name))?.[1]
  if (entry?.versionOf === 'os') return null
  const engine = ua.engine.name ? ENGINE_LABEL[ua.engine.name] ?? ua.engine.name : undefined
  const common = { browser: name, version: ua.browser.version ?? '', engine, engineVersion: ua.engine.version }
  if (entry?.versionOf === 'browser') {
    const below = ua.browser.version ? judgeFloor(ua.browser.version, entry) : null
    return below ? { kind: 'outdated', judgedBy: 'browser', ...common, ...below } : null
  }
  const floor = entry?.versionOf === 'engine' ? entry : ua.engine.name ? m.engines[ua.engine.name] : undefined
  const below = floor && ua.engine.version ? judgeFloor(ua.engine.version, floor) : null
  return below ? { kind: 'outdated', judgedBy: 'engine', ...common, ...below } : null
}

export type OsVerdict = { os: string } & BelowFloor

export function checkOs(ua: ParsedUserAgent, m: SupportMatrix): OsVerdict | null {
  const { name, version } = ua.os
  if (!name || !version) return null
  const floor = m.operatingSystems[name]
  if (!floor) return null
  const below = judgeFloor(version, floor, name === 'Windows' ? windowsCompare(m.windowsVersionOrder) : compareVersions)
  return below ? { os: name, ...below } : null
}

export function checkClient(clientVersion: string, m: SupportMatrix): BelowFloor | null {
  return judgeFloor(clientVersion, m.client)
}
