import { test as base, expect } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostProcess, type HostInfo } from '../helpers/web-host-process'

/**
 * `host`: one web host per test file on a fresh data dir, with the fixture bundles imported.
 * Every test fails if the page raised an uncaught error or logged a console error.
 */
export const test = base.extend<{ pageErrors: string[] }, { host: HostInfo }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kyc-e2e-'))
      const host = await startHostProcess(['--data-dir', dataDir, '--import', 'tests/fixtures/bundles'])
      await use(host)
      await host.stop()
    },
    { scope: 'worker' },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`)
      })
      await use(errors)
      expect(errors, 'no uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }
