import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { loadWindowBounds, saveWindowBounds } from '../../../src/main/window-state'
import { defaultDataDir, resolveDataDir } from '../../../src/main/data-dir'

describe('window state', () => {
  it('remembers size, position and maximised state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-win-'))
    expect(loadWindowBounds(dir)).toBeUndefined()
    saveWindowBounds(dir, { x: 10, y: 20, width: 1500, height: 950, maximized: true })
    expect(loadWindowBounds(dir)).toEqual({ x: 10, y: 20, width: 1500, height: 950, maximized: true })
  })

  it('falls back to the default on a damaged or absurd file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-win-'))
    writeFileSync(join(dir, 'window-state.json'), '{"width": 5')
    expect(loadWindowBounds(dir)).toBeUndefined()
    writeFileSync(join(dir, 'window-state.json'), '{"width": 10, "height": 10}')
    expect(loadWindowBounds(dir)).toBeUndefined()
  })
})

describe('data dir', () => {
  it('prefers --data-dir, then KYC_DESK_DATA_DIR, then the default', () => {
    const a = mkdtempSync(join(tmpdir(), 'kyc-dd-'))
    const b = mkdtempSync(join(tmpdir(), 'kyc-dd-'))
    const c = mkdtempSync(join(tmpdir(), 'kyc-dd-'))
    expect(resolveDataDir(['--data-dir', a], { KYC_DESK_DATA_DIR: b }, c)).toBe(resolve(a))
    expect(resolveDataDir([`--data-dir=${a}`], {}, c)).toBe(resolve(a))
    expect(resolveDataDir([], { KYC_DESK_DATA_DIR: b }, c)).toBe(resolve(b))
    expect(resolveDataDir([], {}, c)).toBe(resolve(c))
  })

  it('computes the same default folder as Electron would per platform', () => {
    expect(defaultDataDir({ HOME: '/home/agent' }, 'linux')).toBe('/home/agent/.config/KYC Desk')
    expect(defaultDataDir({ HOME: '/home/agent', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/KYC Desk')
    expect(defaultDataDir({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/KYC Desk')
  })
})
