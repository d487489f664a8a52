import { test, expect, _electron as electron } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHANNELS } from '../../src/shared/channels'

/** Where the Electron package keeps its binary once downloaded (it cannot be downloaded here). */
function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

test.describe('the real Electron app', () => {
  test.skip(!binary, 'Electron binary not present (node_modules/electron/dist): it cannot be downloaded on this machine')

  test('opens the queue window with the demo cases, securely configured', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kyc-electron-'))
    const app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js', '--data-dir', dataDir] })
    const page = await app.firstWindow()
    await expect(page.getByTestId('queue-list')).toBeVisible()
    await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 120_000 })
    // Sandboxed, isolated renderer: no Node globals, and window.kyc holds only the contract.
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>
      return { require: typeof w.require, process: typeof w.process, kyc: Object.keys(w.kyc as object).sort() }
    })
    expect(globals.require).toBe('undefined')
    expect(globals.process).toBe('undefined')
    expect(globals.kyc).toEqual([...CHANNELS, 'artifactBase', 'onMenuCommand', 'pathForFile'].sort())
    await app.close()
  })
})
