import type { Rng } from './prng'

/**
 * Browsers and client versions. The old user agents are real strings of the versions named;
 * the platform's minimum web/app client version for the demo is 2.30.0 (docs/demo-corpus.md).
 */
export const MINIMUM_CLIENT_VERSION = '2.30.0'

export interface Client {
  userAgent: string
  mobile: boolean
  label: string
}

export const MODERN_CLIENTS: readonly Client[] = [
  { label: 'Chrome 141 / Windows 10+', mobile: false, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36' },
  { label: 'Edge 141 / Windows 10+', mobile: false, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0' },
  { label: 'Firefox 144 / Windows 10+', mobile: false, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0' },
  { label: 'Safari 18.6 / macOS', mobile: false, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15' },
  { label: 'Chrome 141 / macOS', mobile: false, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36' },
  { label: 'Safari / iOS 18.6', mobile: true, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1' },
  { label: 'Chrome 141 / Android 15', mobile: true, userAgent: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36' },
  { label: 'Samsung Internet 28 / Android', mobile: true, userAgent: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36' },
]

export const OLD_CLIENTS = {
  CHROME_70: { label: 'Chrome 70 / Windows 7', mobile: false, userAgent: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.110 Safari/537.36' },
  IOS_12: { label: 'Safari 12 / iOS 12.4', mobile: true, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 12_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1' },
  IE_11: { label: 'Internet Explorer 11 / Windows 7', mobile: false, userAgent: 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko' },
  ANDROID_7_WEBVIEW: { label: 'Android 7.0 WebView (Chrome 64)', mobile: true, userAgent: 'Mozilla/5.0 (Linux; Android 7.0; SM-G930F Build/NRD90M; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/64.0.3282.137 Mobile Safari/537.36' },
} as const satisfies Record<string, Client>

export type OldClientKey = keyof typeof OLD_CLIENTS

export function currentClientVersion(rng: Rng): string {
  return `2.${rng.int(38, 47)}.${rng.int(0, 4)}`
}

/** Versions below the 2.30.0 minimum that still turn up. */
export function outdatedClientVersion(rng: Rng): string {
  return rng.pick(['2.18.0', '2.21.4', '2.24.3', '2.26.1', '2.29.3'])
}
