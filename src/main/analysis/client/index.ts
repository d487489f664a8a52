import type { Finding } from '../../../shared/domain/finding'
import type { Analyser, AnalysisContext } from '../types'
import { checkBrowser, checkClient, checkOs, type BelowFloor, type BrowserVerdict, type OsVerdict } from './client-checks'
import { supportMatrix } from './support-matrix'
import { parseUserAgent, type ParsedUserAgent } from './user-agent'

function lv(label: string, version: string): string {
  return label ? `${label} ${version}` : version
}

/** The versions found and needed, in words; the full rule stays in evidence.rule. */
function needs(b: BelowFloor, label: string, lang: 'en' | 'zh-CN'): string {
  if (lang === 'en') {
    return b.severity === 'blocker'
      ? `it needs ${lv(label, b.required)} or later: older versions cannot open the camera for a web page or no longer get security fixes${b.supported ? ` (supported: ${b.supported} or later)` : ''}`
      : `we support ${lv(label, b.supported ?? b.required)} or later; older versions are not tested and camera capture often fails (bare minimum ${b.required})`
  }
  return b.severity === 'blocker'
    ? `至少需要 ${lv(label, b.required)}：更旧的版本无法为网页打开摄像头，或已不再获得安全更新${b.supported ? `（支持的版本为 ${b.supported} 及以上）` : ''}`
    : `我们支持 ${lv(label, b.supported ?? b.required)} 及以上版本；更旧的版本未经测试，摄像头拍摄常常失败（最低要求 ${b.required}）`
}

function browserFinding(v: BrowserVerdict, ua: ParsedUserAgent): Finding {
  const os = ua.os.name ? ` on ${ua.os.name}${ua.os.version ? ` ${ua.os.version}` : ''}` : ''
  const osZh = ua.os.name ? `（${ua.os.name}${ua.os.version ? ` ${ua.os.version}` : ''}）` : ''
  if (v.kind === 'unsupported') {
    const what = v.inApp ? `the in-app browser of ${v.browser}` : v.browser
    const whatZh = v.inApp ? `${v.browser} 的内置浏览器` : v.browser
    return {
      cause: 'CLIENT_UNSUPPORTED',
      code: 'UNSUPPORTED_BROWSER',
      severity: v.severity,
      confidence: v.severity === 'blocker' ? 0.9 : 0.6,
      evidence: { browser: v.browser, browserVersion: ua.browser.version ?? null, inApp: v.inApp, os: ua.os.name ?? null, osVersion: ua.os.version ?? null, rule: v.why, ruleZh: v.whyZh },
      explanation: {
        en: `The customer used ${what}${os}, which ${v.severity === 'blocker' ? 'cannot' : 'often cannot'} open the camera for the verification: ${v.listed ? v.why : 'in-app browsers pass camera access on to a web page only when the app allows it, and many do not'}. Ask them to open the link in Chrome, Safari or Firefox instead.`,
        'zh-CN': `客户使用的是 ${whatZh} ${osZh}，它${v.severity === 'blocker' ? '无法' : '常常无法'}为认证页面打开摄像头：${v.listed ? v.whyZh : '应用内浏览器只有在应用允许时才会把摄像头交给网页，而很多应用不允许'}。请客户改用 Chrome、Safari 或 Firefox 打开链接。`,
      },
      remedies: ['TRY_ANOTHER_BROWSER'],
    }
  }
  const label = v.judgedBy === 'engine' ? v.engine ?? 'engine' : v.browser
  const found = v.judgedBy === 'engine' ? `${v.browser} ${v.version} (${v.engine} ${v.found})` : `${v.browser} ${v.found}`
  return {
    cause: 'CLIENT_UNSUPPORTED',
    code: 'OUTDATED_BROWSER',
    severity: v.severity,
    confidence: 0.9,
    evidence: {
      browser: v.browser,
      browserVersion: v.version,
      engine: v.engine ?? null,
      engineVersion: v.engineVersion ?? null,
      judgedBy: v.judgedBy,
      required: v.required,
      supported: v.supported ?? null,
      rule: v.why,
      ruleZh: v.whyZh,
    },
    explanation: {
      en: `The customer used ${found}${os}; ${needs(v, label, 'en')}. Ask them to update the browser or use another one.`,
      'zh-CN': `客户使用的是 ${found}${osZh}；${needs(v, label, 'zh-CN')}。请客户更新浏览器或换用其他浏览器。`,
    },
    remedies: ['UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER'],
  }
}

function osFinding(v: OsVerdict): Finding {
  return {
    cause: 'CLIENT_UNSUPPORTED',
    code: 'OUTDATED_OS',
    severity: v.severity,
    confidence: 0.85,
    evidence: { os: v.os, osVersion: v.found, required: v.required, supported: v.supported ?? null, rule: v.why, ruleZh: v.whyZh },
    explanation: {
      en: `The device runs ${v.os} ${v.found}; ${needs(v, v.os, 'en')}. Ask the customer to update the system${v.severity === 'blocker' ? ', or to use a newer device if this one cannot be updated' : ''}.`,
      'zh-CN': `设备运行的是 ${v.os} ${v.found}；${needs(v, v.os, 'zh-CN')}。请客户更新系统${v.severity === 'blocker' ? '；如果设备无法更新，请换用较新的设备' : ''}。`,
    },
    remedies: v.severity === 'blocker' ? ['UPDATE_OS', 'USE_SUPPORTED_DEVICE'] : ['UPDATE_OS'],
  }
}

function clientFinding(v: BelowFloor, ua: ParsedUserAgent | null): Finding {
  // A web client that is too old is usually a stale copy in the browser cache; an app must be updated.
  const web = ua?.browser.name !== undefined && ua.browser.type !== 'inapp'
  const remedies = ua === null ? ['UPDATE_APP', 'CLEAR_BROWSER_CACHE'] : web ? ['CLEAR_BROWSER_CACHE'] : ['UPDATE_APP']
  const adviceEn = ua === null ? 'update the app, or reload the website after clearing the browser cache' : web ? 'clear the browser cache (or use a private window) so the current web client loads' : 'update the app'
  const adviceZh = ua === null ? '更新应用，或清除浏览器缓存后重新打开网站' : web ? '清除浏览器缓存（或使用无痕窗口），以加载最新的网页版本' : '更新应用'
  return {
    cause: 'CLIENT_UNSUPPORTED',
    code: 'OUTDATED_CLIENT',
    severity: v.severity,
    confidence: 0.95,
    evidence: { clientVersion: v.found, required: v.required, supported: v.supported ?? null, web, rule: v.why, ruleZh: v.whyZh },
    explanation: {
      en: `The platform client was version ${v.found}; ${needs(v, 'version', 'en')}. Ask the customer to ${adviceEn}.`,
      'zh-CN': `平台客户端版本为 ${v.found}；${needs(v, '', 'zh-CN')}。请客户${adviceZh}。`,
    },
    remedies,
  }
}

/**
 * CLIENT_UNSUPPORTED from the user agent (ua-parser-js) and the platform client version, judged
 * against resources/data/client-support-matrix.json: at most one finding each for the browser,
 * the operating system and the client.
 */
export async function analyseClient(ctx: AnalysisContext): Promise<Finding[]> {
  const device = ctx.bundle.device
  if (!device) return []
  const m = supportMatrix()
  const ua = device.userAgent ? parseUserAgent(device.userAgent) : null
  const findings: Finding[] = []
  if (ua) {
    const browser = checkBrowser(ua, m)
    if (browser) findings.push(browserFinding(browser, ua))
    const os = checkOs(ua, m)
    if (os) findings.push(osFinding(os))
  }
  if (device.clientVersion) {
    const client = checkClient(device.clientVersion, m)
    if (client) findings.push(clientFinding(client, ua))
  }
  const userAgent = device.userAgent ?? null
  return findings.map((f) => ({ ...f, evidence: { ...f.evidence, userAgent, matrixDate: m.header.date } }))
}

export const clientAnalyser: Analyser = {
  id: 'client',
  version: '1',
  causes: ['CLIENT_UNSUPPORTED'],
  settingsSections: [],
  run: analyseClient,
}
