import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CHANNELS, ipcName } from '../../../src/shared/channels'
import { ROOT, allNodes, filesUnder, parseSource } from './source-ast'
import ts from 'typescript'

// A stand-in ipcMain that keeps the handlers registerIpc installs, so we can call them as
// Electron would, with a sender frame of our choosing.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
}))
vi.mock('electron', () => ({
  ipcMain: {
    handle: (name: string, handler: (event: unknown, raw: unknown) => Promise<unknown>) => {
      if (fake.handlers.has(name)) throw new Error(`second handler for ${name}`)
      fake.handlers.set(name, handler)
    },
  },
  BrowserWindow: class {},
  Menu: {},
  shell: {},
}))

const { registerIpc } = await import('../../../src/main/ipc')
const { isTrustedFrameUrl } = await import('../../../src/main/window')

const OURS = pathToFileURL(join(ROOT, 'src/renderer/index.html')).href
const dispatch = vi.fn(async (channel: string, raw: unknown) => ({ ok: true, value: { channel, raw } }))

beforeEach(() => {
  fake.handlers.clear()
  dispatch.mockClear()
  registerIpc(dispatch as never, isTrustedFrameUrl)
})

describe('IPC sender check (registerIpc)', () => {
  it('binds every contract channel, and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcName).sort())
  })

  it.each(CHANNELS)('%s: an untrusted frame gets FORBIDDEN and nothing runs', async (channel) => {
    const handler = fake.handlers.get(ipcName(channel))!
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/attacker.html' }, { url: 'about:blank' }, null]) {
      const result = await handler({ senderFrame }, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it.each(CHANNELS)('%s: our own renderer reaches dispatch with its input', async (channel) => {
    const handler = fake.handlers.get(ipcName(channel))!
    const result = await handler({ senderFrame: { url: `${OURS}#/cases` } }, { some: 'input' })
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(channel, { some: 'input' })
    expect(result).toEqual({ ok: true, value: { channel, raw: { some: 'input' } } })
  })
})

describe('no IPC entry point bypasses the sender check', () => {
  it('ipcMain is imported only by src/main/ipc.ts, which only calls ipcMain.handle (inside registerIpc)', () => {
    const importers = filesUnder('src/main', ['.ts'])
      .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('electron'))
      .filter((file) =>
        parseSource(file).statements.some(
          (s) =>
            ts.isImportDeclaration(s) &&
            (s.moduleSpecifier as ts.StringLiteral).text === 'electron' &&
            (!s.importClause?.namedBindings || // a namespace or default import could reach ipcMain too
              ts.isNamespaceImport(s.importClause.namedBindings) ||
              s.importClause.namedBindings.elements.some((e) => (e.propertyName ?? e.name).text === 'ipcMain')),
        ),
      )
    expect(importers).toEqual(['src/main/ipc.ts'])
    const uses = allNodes(parseSource('src/main/ipc.ts'))
      .filter((n): n is ts.PropertyAccessExpression => ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'ipcMain')
      .map((n) => n.name.text)
    expect(uses).toEqual(['handle'])
  })
})
