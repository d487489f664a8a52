import { beforeAll, describe, expect, it, vi } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { CHANNELS, MENU_COMMAND_CHANNEL, ipcName } from '../../../src/shared/channels'
import { ROOT, parseSource } from './source-ast'

// A stand-in contextBridge records exactly what the preload hands to the page.
const fake = vi.hoisted(() => ({
  exposed: [] as { key: string; api: unknown }[],
  invoke: [] as unknown[][],
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push({ key, api }) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (fake.invoke.push(args), Promise.resolve('reply')),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => fake.listeners.set(channel, listener),
  },
  webUtils: { getPathForFile: () => '/home/agent/case.zip' },
}))

/** Beyond one function per contract channel, the preload may expose only these. */
const EXTRA_KEYS = ['artifactBase', 'pathForFile', 'onMenuCommand']

let api: Record<string, unknown>
beforeAll(async () => {
  await import('../../../src/preload/index')
  api = fake.exposed[0]?.api as Record<string, unknown>
})

describe('preload: window.kyc', () => {
  it('is exposed once, as window.kyc, frozen', () => {
    expect(fake.exposed.map((e) => e.key)).toEqual(['kyc'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('holds one function per contract channel plus artifactBase, pathForFile and onMenuCommand, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, ...EXTRA_KEYS].sort())
    expect(api.artifactBase).toBe('kyc-artifact://store/')
    for (const key of Object.keys(api)) if (key !== 'artifactBase') expect(typeof api[key], key).toBe('function')
  })

  it('a channel function only invokes its own IPC channel with the input', async () => {
    for (const channel of CHANNELS) {
      fake.invoke.length = 0
      await expect((api[channel] as (i: unknown) => Promise<unknown>)({ x: 1 })).resolves.toBe('reply')
      expect(fake.invoke).toEqual([[ipcName(channel), { x: 1 }]])
    }
  })

  it('menu commands reach the page as a string only, never the IPC event (which would leak ipcRenderer)', () => {
    const received: unknown[][] = []
    ;(api.onMenuCommand as (h: (...a: unknown[]) => void) => void)((...args) => received.push(args))
    const listener = fake.listeners.get(MENU_COMMAND_CHANNEL)!
    listener({ sender: { send: () => undefined } }, 'import')
    listener({ sender: {} }, { not: 'a string' })
    expect(received).toEqual([['import']])
  })

  it('imports nothing but electron and the channel names', () => {
    const source = parseSource('src/preload/index.ts')
    const imports = source.statements
      .filter(ts.isImportDeclaration)
      .map((d) => (d.moduleSpecifier as ts.StringLiteral).text)
    expect(imports.sort()).toEqual(['../shared/channels', 'electron'])
  })

  it.skipIf(!existsSync(join(ROOT, 'out/preload/index.cjs')))('the built preload requires only electron (a sandboxed preload cannot require more)', () => {
    const built = readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8')
    const required = [...built.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })
})
