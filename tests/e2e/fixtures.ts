import { test as base, expect } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostProcess, type HostInfo } from '../helpers/web-host-process'

/**
 * `host`: one web host per test FILE on a fresh data dir, with the fixture bundles imported and
 * analysed (a file's tests may change cases, e.g. record decisions, without touching another
 * file's). Every test fails if the page raised an uncaught error or logged a console error.
 */
export const test = base.extend<{ pageErrors: string[]; host: HostInfo; imports: string[] }, { hosts: Map<string, HostInfo> }>({
  /** The bundle folders a file's host imports (a spec may `test.use({ imports: [...] })`). */
  imports: [['tests/fixtures/bundles'], { option: true }],
  hosts: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const hosts = new Map<string, HostInfo>()
      await use(hosts)
      for (const h of hosts.values()) await h.stop()
    },
    { scope: 'worker' },
  ],
  host: async ({ hosts, imports }, use, testInfo) => {
    let host = hosts.get(testInfo.file)
    if (!host) {
      // Files run one after the other: the previous file's host is no longer needed.
      for (const [file, other] of hosts) {
        await other.stop()
        hosts.delete(file)
      }
      // Under the run's folder (global-setup.ts): the teardown reads every host's logs.
      const dataDir = mkdtempSync(join(process.env.KYC_E2E_RUN_DIR ?? tmpdir(), 'kyc-e2e-'))
      host = await startHostProcess(['--data-dir', dataDir, ...imports.flatMap((p) => ['--import', p])])
      hosts.set(testInfo.file, host)
    }
    await use(host)
  },
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
