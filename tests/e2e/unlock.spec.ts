import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostProcess } from '../helpers/web-host-process'
import { E2E_UNLOCK_PASSPHRASES } from '../helpers/keys'

// Encryption at rest: where there is no system keychain (Linux `basic_text`) the app asks for a
// passphrase. The web host's --ask-passphrase starts locked in the same way, behind the same gate.
const { first: PASSPHRASE, changed: NEW_PASSPHRASE, wrong: WRONG_PASSPHRASE } = E2E_UNLOCK_PASSPHRASES

test('without a system keychain the desk asks for a passphrase, only that passphrase opens it, and Settings changes it', async ({ page }) => {
  // Three host starts and a scrypt (about 0.4–2 s) per passphrase tried.
  test.setTimeout(180_000)
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
    await page.getByTestId('vault-passphrase').fill(WRONG_PASSPHRASE)
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

    // Settings ▸ passphrase: changing it needs the current one, all by keyboard.
    await page.goto(`${host.url}#/settings/agent`)
    const form = page.getByTestId('passphrase-settings')
    await expect(page.getByTestId('passphrase-state')).toContainText('has a passphrase')
    const axe = await new AxeBuilder({ page }).include('[data-testid=passphrase-settings]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await page.getByTestId('passphrase-current').focus()
    await page.keyboard.type(WRONG_PASSPHRASE)
    await page.keyboard.press('Tab')
    await page.keyboard.type(NEW_PASSPHRASE)
    await page.keyboard.press('Tab')
    await page.keyboard.type(NEW_PASSPHRASE)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('passphrase-error')).toHaveText('The current passphrase is not right. Nothing was changed.', { timeout: 30_000 })
    await page.getByTestId('passphrase-current').fill(PASSPHRASE)
    await page.getByTestId('passphrase-new').fill(NEW_PASSPHRASE)
    await page.getByTestId('passphrase-confirm').fill(NEW_PASSPHRASE)
    await page.getByTestId('passphrase-submit').click()
    await expect(page.getByTestId('passphrase-done')).toContainText('Passphrase changed', { timeout: 30_000 })
    await page.screenshot({ path: 'test-results/screens/passphrase-changed.png' })
    await expect(form.locator('input[type=password]').first()).toHaveValue('')
  } finally {
    await page.goto('about:blank')
    await host.stop()
  }

  // After a restart the old passphrase no longer opens the desk; the new one does.
  host = await startHostProcess(['--data-dir', dataDir, '--ask-passphrase'])
  try {
    await page.goto(host.url)
    await page.getByTestId('vault-passphrase').fill(PASSPHRASE)
    await page.getByTestId('vault-submit').click()
    await expect(page.getByTestId('vault-error')).toContainText('does not unlock')
    await page.getByTestId('vault-passphrase').fill(NEW_PASSPHRASE)
    await page.getByTestId('vault-passphrase').press('Enter')
    await expect(page.getByTestId('queue-row')).toHaveCount(3, { timeout: 30_000 })
    const keyring = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { slots: { kind: string }[] }
    expect(keyring.slots.map((s) => s.kind)).toEqual(['passphrase'])
  } finally {
    await page.goto('about:blank')
    await host.stop()
  }
  // No passphrase was written anywhere but keys.json's scrypt slot: not in the logs either.
  const logs = join(dataDir, 'logs')
  const logText = existsSync(logs) ? readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')).join('\n') : ''
  expect(logText).toContain('api keys:set-passphrase')
  for (const secret of [PASSPHRASE, NEW_PASSPHRASE]) {
    expect(logText).not.toContain(secret)
    expect(readFileSync(join(dataDir, 'keys.json'), 'utf8')).not.toContain(secret)
  }
})
