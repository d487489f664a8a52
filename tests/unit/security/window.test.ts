import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import { ROOT, booleanLiteral, filesUnder, newExpressions, parseSource, property } from './source-ast'

// Electron's binary cannot run here: a stand-in BrowserWindow records what window.ts asks for.
const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown
  const state = {
    options: [] as Record<string, unknown>[],
    contentsHandlers: new Map<string, Handler>(),
    windowOpenHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
    openExternal: [] as string[],
  }
  class BrowserWindow {
    webContents = {
      on: (event: string, handler: Handler) => state.contentsHandlers.set(event, handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        state.windowOpenHandler = handler
      },
      send: () => undefined,
    }
    constructor(options: Record<string, unknown>) {
      state.options.push(options)
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve()
    }
    loadFile() {
      return Promise.resolve()
    }
    static getFocusedWindow() {
      return null
    }
  }
  return { state, BrowserWindow }
})

vi.mock('electron', () => ({
  BrowserWindow: fake.BrowserWindow,
  Menu: { setApplicationMenu: () => undefined, buildFromTemplate: () => ({}) },
  shell: { openExternal: (url: string) => (fake.state.openExternal.push(url), Promise.resolve()) },
}))

const { createMainWindow, isTrustedFrameUrl } = await import('../../../src/main/window')

/** The Electron security checklist's required webPreferences values. */
const REQUIRED_PREFERENCES: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
}
/** Preferences that would weaken the above and must not appear at all. */
const FORBIDDEN_PREFERENCES = ['enableBlinkFeatures', 'nodeIntegrationInSubFrames', 'enableRemoteModule', 'disableDialogs']

const OUR_INDEX = join(ROOT, 'src/renderer/index.html')

beforeEach(() => {
  fake.state.options.length = 0
  fake.state.contentsHandlers.clear()
  fake.state.windowOpenHandler = undefined
  fake.state.openExternal.length = 0
  delete process.env.ELECTRON_RENDERER_URL
})
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL
})

describe('webPreferences in the source (TypeScript AST)', () => {
  const windows = filesUnder('src/main', ['.ts']).flatMap((file) =>
    newExpressions(parseSource(file), 'BrowserWindow').map((node) => ({ file, node })),
  )

  it('every BrowserWindow in src/main is created with an inline options object', () => {
    expect(windows.length).toBeGreaterThan(0)
    for (const { file, node } of windows) {
      expect(node.arguments?.[0] && ts.isObjectLiteralExpression(node.arguments[0]), `${file}: new BrowserWindow({ … })`).toBe(true)
    }
  })

  it('sets each checklist preference as a literal, with nothing spread in that could override it', () => {
    for (const { file, node } of windows) {
      const options = node.arguments![0] as ts.ObjectLiteralExpression
      const prefs = property(options, 'webPreferences')?.initializer
      expect(prefs && ts.isObjectLiteralExpression(prefs), `${file}: webPreferences is an object literal`).toBe(true)
      const literal = prefs as ts.ObjectLiteralExpression
      expect(literal.properties.filter(ts.isSpreadAssignment), `${file}: no spread in webPreferences`).toEqual([])
      for (const [key, value] of Object.entries(REQUIRED_PREFERENCES)) {
        expect(booleanLiteral(property(literal, key)?.initializer), `${file}: webPreferences.${key}`).toBe(value)
      }
      for (const key of FORBIDDEN_PREFERENCES) expect(property(literal, key), `${file}: ${key}`).toBeUndefined()
    }
  })

  it('no <webview> anywhere in the renderer', () => {
    for (const file of filesUnder('src/renderer', ['.vue', '.html', '.ts'])) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      expect(/<webview\b/i.test(text), `${file} uses <webview>`).toBe(false)
    }
  })
})

describe('the window at run time', () => {
  it('is created with the checklist preferences and a preload inside the app', () => {
    createMainWindow()
    const prefs = fake.state.options[0]?.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject(REQUIRED_PREFERENCES)
    expect(String(prefs.preload)).toBe(join(ROOT, 'src/preload/index.cjs'))
  })

  it('navigation away from our index.html is refused', () => {
    createMainWindow()
    const willNavigate = fake.state.contentsHandlers.get('will-navigate')!
    expect(willNavigate).toBeTypeOf('function')
    const attempt = (url: string) => {
      const event = { preventDefault: vi.fn() }
      willNavigate(event, url)
      return event.preventDefault.mock.calls.length > 0 ? 'refused' : 'allowed'
    }
    expect(attempt('https://evil.example/phish')).toBe('refused')
    expect(attempt('file:///etc/passwd')).toBe('refused')
    expect(attempt(pathToFileURL(join(ROOT, 'out/renderer/other.html')).href)).toBe('refused')
    expect(attempt('javascript:alert(1)')).toBe('refused')
    expect(attempt(`${pathToFileURL(OUR_INDEX).href}#/cases/C-1`)).toBe('allowed')
  })

  it('new windows are always denied', () => {
    createMainWindow()
    const handler = fake.state.windowOpenHandler!
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'kyc-artifact://store/x', 'about:blank']) {
      expect(handler({ url }), url).toEqual({ action: 'deny' })
    }
  })

  it('only https links reach the system browser', () => {
    createMainWindow()
    const handler = fake.state.windowOpenHandler!
    for (const url of ['https://example.com/help', 'http://example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)']) {
      handler({ url })
    }
    expect(fake.state.openExternal).toEqual(['https://example.com/help'])
  })
})

describe('isTrustedFrameUrl (the sender check of IPC and navigation)', () => {
  it('trusts exactly our built index.html, whatever the route', () => {
    expect(isTrustedFrameUrl(pathToFileURL(OUR_INDEX).href)).toBe(true)
    expect(isTrustedFrameUrl(`${pathToFileURL(OUR_INDEX).href}#/settings`)).toBe(true)
    expect(isTrustedFrameUrl(pathToFileURL(join(ROOT, 'src/renderer/evil.html')).href)).toBe(false)
    expect(isTrustedFrameUrl('https://example.com/index.html')).toBe(false)
    expect(isTrustedFrameUrl('about:blank')).toBe(false)
    expect(isTrustedFrameUrl('')).toBe(false)
  })

  it('during development trusts only the dev server origin, and fails closed on junk', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    expect(isTrustedFrameUrl('http://localhost:5173/#/cases')).toBe(true)
    expect(isTrustedFrameUrl('http://localhost:5174/')).toBe(false)
    expect(isTrustedFrameUrl('http://evil.example/')).toBe(false)
    expect(isTrustedFrameUrl(pathToFileURL(OUR_INDEX).href)).toBe(false)
    expect(isTrustedFrameUrl('not a url')).toBe(false)
    expect(isTrustedFrameUrl('')).toBe(false)
  })
})
