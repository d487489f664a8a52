import { UAParser } from 'ua-parser-js'

export interface ParsedUserAgent {
  browser: { name?: string; version?: string; type?: string }
  engine: { name?: string; version?: string }
  os: { name?: string; version?: string }
}

/** What ua-parser-js reads from a user-agent string (no client hints: we only have the string). */
export function parseUserAgent(ua: string): ParsedUserAgent {
  const r = UAParser(ua)
  return {
    browser: { name: r.browser.name, version: r.browser.version, type: r.browser.type },
    engine: { name: r.engine.name, version: r.engine.version },
    os: { name: r.os.name, version: r.os.version },
  }
}
