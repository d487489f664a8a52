import type { CaseBundle } from '../../../shared/domain/case-bundle'
import type { AttemptDetail } from '../../../shared/domain/case'
import type { Cause } from '../../../shared/domain/causes'
import { CAUSES } from '../../../shared/domain/causes'

/**
 * Typed views of an attempt's raw case.json. It was validated against kyc-case/1 on import, so
 * the casts hold; arrays are still guarded because optional parts may be absent.
 */
export type Bundle = Partial<CaseBundle>
export type Upload = NonNullable<CaseBundle['uploads']>[number]
export type Login = NonNullable<NonNullable<CaseBundle['account']>['logins']>[number]

export function bundleOf(attempt: AttemptDetail | null | undefined): Bundle {
  return (attempt?.bundle ?? {}) as Bundle
}

export function uploadsOf(bundle: Bundle): Upload[] {
  return Array.isArray(bundle.uploads) ? bundle.uploads : []
}

/** A failed upload: an error, an HTTP error status, or fewer bytes sent than the file has. */
export function uploadFailed(u: Upload): boolean {
  return Boolean(u.error) || (u.httpStatus !== undefined && (u.httpStatus === 0 || u.httpStatus >= 400)) || u.bytesSent < u.bytesTotal
}

export function uploadSeconds(u: Upload): number | null {
  if (!u.endedAt) return null
  const ms = new Date(u.endedAt).getTime() - new Date(u.startedAt).getTime()
  return Number.isFinite(ms) ? ms / 1000 : null
}

/** Logins oldest first, each marked when its country differs from the login before it. */
export function loginTimeline(bundle: Bundle): Array<Login & { countryChanged: boolean }> {
  const logins = Array.isArray(bundle.account?.logins) ? [...bundle.account.logins] : []
  logins.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
  return logins.map((l, i) => ({ ...l, countryChanged: i > 0 && logins[i - 1].country !== l.country }))
}

/** The causes a set of findings detects (info findings never count), in blocking order. */
export function detectedCauses(attempt: AttemptDetail | null | undefined): Cause[] {
  const found = new Set(attempt?.findings.filter((f) => f.severity !== 'info').map((f) => f.cause) ?? [])
  return CAUSES.filter((c) => found.has(c))
}

/** Browser and OS from a user-agent string, roughly: enough for the agent to read at a glance. */
export function describeUserAgent(ua: string | undefined): { browser: string | null; os: string | null } {
  if (!ua) return { browser: null, os: null }
  const browser =
    /(Edg|EdgA|EdgiOS)\/(\d+)/.exec(ua)?.slice(1).join(' ').replace(/^Edg\w*/, 'Edge') ??
    /(OPR)\/(\d+)/.exec(ua)?.slice(1).join(' ').replace('OPR', 'Opera') ??
    /(Firefox|FxiOS)\/(\d+)/.exec(ua)?.slice(1).join(' ').replace('FxiOS', 'Firefox') ??
    /(Chrome|CriOS)\/(\d+)/.exec(ua)?.slice(1).join(' ').replace('CriOS', 'Chrome') ??
    (/Version\/(\d+)[.\d]* (Mobile\/\S+ )?Safari/.exec(ua) ? `Safari ${/Version\/(\d+)/.exec(ua)![1]}` : null) ??
    (/MSIE (\d+)|Trident\/.*rv:(\d+)/.exec(ua) ? 'Internet Explorer' : null)
  const os =
    (/Windows NT ([\d.]+)/.exec(ua) ? `Windows NT ${/Windows NT ([\d.]+)/.exec(ua)![1]}` : null) ??
    (/Android ([\d.]+)/.exec(ua) ? `Android ${/Android ([\d.]+)/.exec(ua)![1]}` : null) ??
    (/(iPhone|iPad).*OS (\d+[_\d]*)/.exec(ua) ? `iOS ${/OS (\d+[_\d]*)/.exec(ua)![1].replace(/_/g, '.')}` : null) ??
    (/Mac OS X ([\d_]+)/.exec(ua) ? `macOS ${/Mac OS X ([\d_]+)/.exec(ua)![1].replace(/_/g, '.')}` : null) ??
    (/Linux/.test(ua) ? 'Linux' : null)
  return { browser, os }
}
