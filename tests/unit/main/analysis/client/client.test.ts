import { describe, expect, it } from 'vitest'
import { clientAnalyser } from '../../../../../src/main/analysis/client'
import { FindingSchema, type Finding } from '../../../../../src/shared/domain/finding'
import { makeBundle, makeContext } from '../helpers'

/** Real user-agent strings, as browsers send them. */
const UA = {
  chrome131Win: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safari17Mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  iphoneIos17: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  pixelChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  samsung25: 'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  firefox128: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  edge131: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  operaMobile86: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
  chrome100Ios15: 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_8 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/100.0.4896.85 Mobile/15E148 Safari/604.1',
  chrome49WinXP: 'Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36',
  chrome80Win10: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.149 Safari/537.36',
  ie11Win7: 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko',
  iphoneIos12: 'Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
  samsung9Android7: 'Mozilla/5.0 (Linux; Android 7.0; SM-G930F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/9.2 Chrome/67.0.3396.87 Mobile Safari/537.36',
  edge18: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763',
  facebookIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]',
  instagramAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.230803.041; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.210 Mobile Safari/537.36 Instagram 312.0.0.32.112 Android (34/14; 420dpi; 1080x2400; Google/google; Pixel 8; shiba; shiba; en_US; 548323740)',
  tiktokAndroid: 'Mozilla/5.0 (Linux; Android 12; SM-A525F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 trill_320003 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/musical_ly app_version/32.0.3',
  webViewApp: 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36',
  safari12Sierra: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Safari/605.1.15',
  chrome109Win7: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36',
}

async function run(userAgent?: string, clientVersion?: string): Promise<Finding[]> {
  const bundle = makeBundle({ device: { userAgent, clientVersion, connection: 'wifi' } })
  const findings = await clientAnalyser.run(makeContext(bundle))
  for (const f of findings) expect(FindingSchema.parse(f)).toEqual(f)
  return findings
}
const summary = (fs: Finding[]) => fs.map((f) => `${f.code}:${f.severity}`)

describe('client: current browsers pass', () => {
  it.each([
    ['Chrome 131 on Windows 10', UA.chrome131Win],
    ['Safari 17 on macOS', UA.safari17Mac],
    ['Mobile Safari on iOS 17.5', UA.iphoneIos17],
    ['Chrome 131 on Android (reduced UA)', UA.pixelChrome],
    ['Samsung Internet 25', UA.samsung25],
    ['Firefox 128', UA.firefox128],
    ['Edge 131', UA.edge131],
    ['Opera Mobile 86 (Chromium 131)', UA.operaMobile86],
    ['Chrome on iOS 17.1', UA.chromeIos],
    ['an old Chrome 100 on iOS 15.8 (WebKit: iOS decides, not the Chrome version)', UA.chrome100Ios15],
    ['the platform app in a Chrome WebView', UA.webViewApp],
  ])('%s: no finding', async (_name, ua) => {
    expect(await run(ua, '2.41.0')).toEqual([])
  })

  it('finds nothing without a device section or user agent', async () => {
    expect(await run()).toEqual([])
  })
})

describe('client: outdated and unsupported', () => {
  it('flags Chrome 49 on Windows XP as an outdated browser and OS, with the versions found and needed', async () => {
    const findings = await run(UA.chrome49WinXP)
    expect(summary(findings)).toEqual(['OUTDATED_BROWSER:blocker', 'OUTDATED_OS:blocker'])
    const [browser, os] = findings
    expect(browser.evidence).toMatchObject({ browser: 'Chrome', browserVersion: '49.0.2623.112', required: '53', supported: '109' })
    expect(browser.explanation.en).toContain('Chrome 49.0.2623.112')
    expect(browser.explanation.en).toContain('needs Chrome 53 or later')
    expect(browser.explanation['zh-CN']).toContain('至少需要 Chrome 53')
    expect(browser.remedies).toEqual(['UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER'])
    expect(os.evidence).toMatchObject({ os: 'Windows', osVersion: 'XP', required: '7', supported: '10' })
    expect(os.remedies).toEqual(['UPDATE_OS', 'USE_SUPPORTED_DEVICE'])
  })

  it('warns (not blocks) for a browser that can capture but is below the supported version', async () => {
    expect(summary(await run(UA.chrome80Win10))).toEqual(['OUTDATED_BROWSER:warning'])
    expect(summary(await run(UA.chrome109Win7))).toEqual(['OUTDATED_OS:warning'])
  })

  it('calls Internet Explorer unsupported', async () => {
    const findings = await run(UA.ie11Win7)
    expect(summary(findings)).toEqual(['UNSUPPORTED_BROWSER:blocker', 'OUTDATED_OS:warning'])
    expect(findings[0].remedies).toEqual(['TRY_ANOTHER_BROWSER'])
  })

  it('judges an old iPhone by its iOS version, once', async () => {
    const findings = await run(UA.iphoneIos12)
    expect(summary(findings)).toEqual(['OUTDATED_OS:blocker'])
    expect(findings[0].evidence).toMatchObject({ os: 'iOS', osVersion: '12.5.7', required: '14.3', supported: '15' })
    expect(findings[0].explanation.en).toContain('iOS 12.5.7')
  })

  it('judges Samsung Internet 9.2 on Android 7 by its own version and the Android floor', async () => {
    const findings = await run(UA.samsung9Android7)
    expect(summary(findings)).toEqual(['OUTDATED_BROWSER:warning', 'OUTDATED_OS:warning'])
    expect(findings[0].evidence).toMatchObject({ browser: 'Samsung Internet', browserVersion: '9.2', supported: '21' })
  })

  it('treats legacy EdgeHTML as a blocker and old macOS Safari by its Safari version', async () => {
    expect(summary(await run(UA.edge18))).toEqual(['OUTDATED_BROWSER:blocker'])
    expect(summary(await run(UA.safari12Sierra))).toEqual(['OUTDATED_BROWSER:warning', 'OUTDATED_OS:blocker'])
  })

  it('blocks known camera-less in-app browsers and warns for other in-app browsers', async () => {
    const fb = await run(UA.facebookIos)
    expect(summary(fb)).toEqual(['UNSUPPORTED_BROWSER:blocker'])
    expect(fb[0].explanation.en).toContain('in-app browser of Facebook')
    expect(summary(await run(UA.instagramAndroid))).toEqual(['UNSUPPORTED_BROWSER:blocker'])
    expect(summary(await run(UA.tiktokAndroid))).toEqual(['UNSUPPORTED_BROWSER:warning'])
  })
})

describe('client: platform client version', () => {
  it('flags a web client below the minimum and asks to clear the cache', async () => {
    const [f] = await run(UA.chrome131Win, '2.12.3')
    expect(f).toMatchObject({ code: 'OUTDATED_CLIENT', severity: 'blocker', evidence: { clientVersion: '2.12.3', required: '2.30.0', web: true } })
    expect(f.remedies).toEqual(['CLEAR_BROWSER_CACHE'])
    expect(f.explanation.en).toContain('version 2.12.3')
  })

  it('asks an app user to update the app', async () => {
    const [f] = await run(UA.webViewApp, '2.29.9')
    expect(f.remedies).toEqual(['UPDATE_APP'])
  })

  it('compares versions numerically, with pre-releases before their release', async () => {
    expect(await run(UA.chrome131Win, '2.30.0')).toEqual([])
    expect(await run(UA.chrome131Win, '2.100.0')).toEqual([])
    expect(summary(await run(UA.chrome131Win, '2.30.0-rc.1'))).toEqual(['OUTDATED_CLIENT:blocker'])
    expect(await run(UA.chrome131Win, 'nightly')).toEqual([])
  })
})

describe('client support matrix', () => {
  it('names its source and date', async () => {
    const { supportMatrix } = await import('../../../../../src/main/analysis/client/support-matrix')
    const m = supportMatrix()
    expect(m.header.source).toMatch(/getUserMedia/)
    expect(m.header.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const os of ['iOS', 'Android', 'Windows', 'macOS']) expect(m.operatingSystems[os]).toBeDefined()
  })
})
