import { test, expect } from './fixtures'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostProcess } from '../helpers/web-host-process'

// Encryption at rest: where there is no system keychain (Linux `basic_text`) the app asks for a
// passphrase. The web host's --ask-passphrase starts locked in the same way, behind the same gate.
const PASSPHRASE = 'e2e unlock passphrase 7'

test('without a system keychain the desk asks for a passphrase, and only that passphrase opens it', async ({ page }) => {
  const dataDir = mkdtempSync(join(process.env.KYC_E2E_RUN_DIR ?? tmpdir(), 'kyc-e2e-unlock-'))
  let host = await startHostProcess(['--data-dir', dataDir, '--ask-passphrase', '--import', 'tests/fixtures/bundles'])
  try {
    await page.goto(host.url)
    // A new data dir: choose a passphrase, told why.
    await expect(page.getByTestId('vault-screen')).toBeVisible()
    await expect(page.getByTestId('vault-why')).toContainText('no system keychain')
    await expect(page.getByTestId('queue-row')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/screens/unlock-create.png' })
    await page.getByTestId('vault-passphrase').fill('short')
    await page.getByTestId('vault-confirm').fill('short')
    await page.getByTestId('vault-submit').click()
    await expect(page.getByTestId('vault-error')).toContainText('at least 10')
    await page.getByTestId('vault-passphrase').fill(PASSPHRASE)
    await page.getByTestId('vault-confirm').fill(`${PASSPHRASE}!`)
    await page.getByTestId('vault-submit').click()
    await expect(page.getByTestId('vault-error')).toContainText('differ')
    await page.getByTestId('vault-confirm').fill(PASSPHRASE)
    await page.getByTestId('vault-submit').click()
    // Unlocked: the services open (the host imports its bundles then) and the app replaces the screen.
    await expect(page.getByTestId('queue-row')).toHaveCount(3, { timeout: 60_000 })
    await expect(page.getByTestId('vault-screen')).toHaveCount(0)
    const keyring = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { slots: { kind: string }[] }
    expect(keyring.slots.map((s) => s.kind)).toEqual(['passphrase'])
  } finally {
    // Leave the page first: its polls at a stopped host would fail as console errors.
    await page.goto('about:blank')
    await host.stop()
  }

  host = await startHostProcess(['--data-dir', dataDir, '--ask-passphrase'])
  try {
    // Locked: nothing of the data dir answers, neither the contract nor the images.
    await page.goto(host.url)
    await expect(page.getByTestId('vault-screen')).toBeVisible()
    const list = await page.request.post(`${host.origin}/api/cases:list`, { data: {} })
    expect(await list.json()).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect((await page.request.get(`${host.origin}/artifact/${'a'.repeat(64)}`)).status()).toBe(423)

    await expect(page.getByTestId('vault-confirm')).toHaveCount(0)
    await page.getByTestId('vault-passphrase').fill('not the passphrase at all')
    await page.getByTestId('vault-submit').click()
    await expect(page.getByTestId('vault-error')).toContainText('does not unlock')
    await expect(page.getByTestId('queue-row')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/screens/unlock-wrong.png' })

    await page.getByTestId('vault-passphrase').fill(PASSPHRASE)
    await page.getByTestId('vault-passphrase').press('Enter')
    await expect(page.getByTestId('queue-row')).toHaveCount(3, { timeout: 30_000 })
    // Images come decrypted from memory through the artifact route.
    await page.getByTestId('queue-row').filter({ hasText: 'ANNA MARIA ERIKSSON' }).dblclick()
    const doc = page.getByTestId('document-image')
    await expect(doc).toBeVisible()
    await expect.poll(() => doc.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(500)
  } finally {
    await host.stop()
  }
})
