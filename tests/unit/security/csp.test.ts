import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Window } from 'happy-dom'
import { ROOT } from './source-ast'

const window = new Window()
afterAll(() => window.happyDOM.close())

type Policy = Map<string, string[]>

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map()
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) policy.set(name.toLowerCase(), sources)
  }
  return policy
}

function inspect(relPath: string) {
  const html = readFileSync(join(ROOT, relPath), 'utf8')
  const doc = new window.DOMParser().parseFromString(html, 'text/html')
  const metas = [...doc.querySelectorAll('meta[http-equiv]')].filter(
    (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
  )
  // A CSP given in <meta> applies only to what comes after it in the document.
  const headChildren = [...doc.head.children]
  const firstLoader = headChildren.findIndex((el) => ['SCRIPT', 'LINK', 'STYLE', 'BASE'].includes(el.tagName))
  const metaIndex = headChildren.findIndex((el) => metas.includes(el))
  const inlineScripts = [...doc.querySelectorAll('script')].filter((s) => !s.getAttribute('src') && s.textContent?.trim())
  const inlineHandlers = [...doc.querySelectorAll('*')].flatMap((el) =>
    el.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on')).map((n) => `<${el.tagName.toLowerCase()} ${n}>`),
  )
  return { metas, policy: parsePolicy(metas[0]?.getAttribute('content') ?? ''), metaIndex, firstLoader, inlineScripts, inlineHandlers }
}

const FETCH_DIRECTIVES = ['default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'style-src', 'style-src-elem', 'style-src-attr', 'img-src', 'connect-src', 'font-src', 'object-src', 'media-src', 'frame-src', 'worker-src', 'child-src', 'manifest-src']

const pages = [
  { file: 'src/renderer/index.html', present: true },
  { file: 'out/renderer/index.html', present: existsSync(join(ROOT, 'out/renderer/index.html')) },
]

describe.each(pages)('Content-Security-Policy of $file', ({ file, present }) => {
  it.skipIf(!present)('is declared once, before anything is loaded', () => {
    const page = inspect(file)
    expect(page.metas).toHaveLength(1)
    expect(page.metaIndex).toBeGreaterThanOrEqual(0)
    if (page.firstLoader >= 0) expect(page.metaIndex).toBeLessThan(page.firstLoader)
  })

  it.skipIf(!present)("has default-src 'self', object-src 'none', and scripts only from 'self'", () => {
    const { policy } = inspect(file)
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('script-src') ?? policy.get('default-src')).toEqual(["'self'"])
    expect(["'none'", "'self'"]).toContain(policy.get('base-uri')?.[0])
  })

  it.skipIf(!present)('allows no unsafe-inline, unsafe-eval, wildcard or remote source anywhere', () => {
    const { policy } = inspect(file)
    for (const directive of FETCH_DIRECTIVES) {
      for (const source of policy.get(directive) ?? []) {
        expect(source.toLowerCase(), `${directive} ${source}`).not.toMatch(/^'unsafe-|^'wasm-unsafe-eval'$|^\*$|^https?:|^ws:|^wss:|^\*\.|^'strict-dynamic'$/)
      }
    }
  })

  it.skipIf(!present)('contains no inline script and no inline event handler (which the CSP would block anyway)', () => {
    const page = inspect(file)
    expect(page.inlineScripts).toHaveLength(0)
    expect(page.inlineHandlers).toEqual([])
  })
})
