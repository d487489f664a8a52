import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostProcess } from '../helpers/web-host-process'
import { test, expect } from './fixtures'
import { openCase } from './navigate'

/**
 * Finishing a case (issue 8) against the real services: the composer's pre-selected remedies,
 * template and locale, the Chinese preview, "send & next", the queue status and the outbox; and a
 * restricted case that can only be escalated. No SMTP server is configured: replies stay queued.
 */
const SHOTS = 'docs/screenshots'
mkdirSync(SHOTS, { recursive: true })


test.describe('finishing a case', () => {
  test('compose a Chinese resubmission request, send & next, see it in the queue and the outbox', async ({ page, host }) => {
    test.setTimeout(120_000)
    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')

    await page.getByTestId('case-title').click() // focus off any control: `r` is a page shortcut
    await page.keyboard.press('r')
    const composer = page.getByTestId('composer')
    await expect(composer).toBeVisible()
    await expect(page.getByTestId('decision-kind')).toHaveValue('request_resubmission')

    // the analysis pre-selected remedies for the expired document and the face mismatch
    const remedies = composer.getByTestId('remedy-item')
    await expect(remedies.first()).toBeVisible()
    const ids = await remedies.evaluateAll((els) => els.map((e) => e.getAttribute('data-remedy')))
    expect(ids).toContain('USE_VALID_DOCUMENT')

    // reorder with the keyboard: the first remedy moves down one place
    if (ids.length > 1) {
      await remedies.first().focus()
      await page.keyboard.press('Alt+ArrowDown')
      await expect(remedies.nth(1)).toHaveAttribute('data-remedy', ids[0]!)
    }

    await page.getByTestId('template-select').selectOption('request_resubmission')
    await expect(page.getByTestId('preview-body')).toContainText('BN-2026-000101')
    await expect(page.getByTestId('guard-ok')).toBeVisible()

    await page.getByTestId('reply-locale').selectOption('zh-CN')
    await expect(page.getByTestId('preview-body')).toHaveText(/[\u4e00-\u9fff]/)
    await expect(page.getByTestId('preview-subject')).toHaveText(/[\u4e00-\u9fff]/)
    await expect(page.getByTestId('preview-fallback')).toHaveCount(0)

    // the reason is required
    await expect(page.getByTestId('reply-send-next')).toBeDisabled()
    await page.getByTestId('decision-reason').fill('Passport expired in 2012; selfie does not match the document photo.')
    await expect(page.getByTestId('reply-send-next')).toBeEnabled()
    await expect(page.getByTestId('preview-updating')).toHaveCount(0)
    await page.screenshot({ path: `${SHOTS}/composer-light.png` })

    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('toast').first()).toContainText('BN-2026-000101')
    await expect(page.getByTestId('toast').first()).toContainText(/Queued|Retrying|Sending/)
    // "next" opened another case (or stayed when it was the last one)
    await expect(page.getByTestId('case-title')).toBeVisible()

    // the queue shows the new status
    await page.goto(host.url)
    await page.getByTestId('filter-status').selectOption('all')
    await expect(page.getByTestId('queue-row').filter({ hasText: 'ANNA MARIA ERIKSSON' })).toContainText('Awaiting customer')

    // the outbox lists the Chinese reply; without a mail server it waits in the queue
    await page.getByTestId('outbox-open').click()
    const row = page.getByTestId('outbox-row').filter({ hasText: 'BN-2026-000101' })
    await expect(row).toHaveCount(1)
    await expect(row.getByTestId('outbox-state')).toHaveAttribute('data-state', /queued|retrying|sending/)
    await expect(row.getByTestId('outbox-subject')).toHaveText(/[\u4e00-\u9fff]/)
    await expect(page.getByTestId('sender-off')).toBeVisible()

    // filter by state
    await page.locator('[data-testid=outbox-filter][data-state=sent]').click()
    await expect(page.getByTestId('outbox-empty')).toBeVisible()
    await page.locator('[data-testid=outbox-filter][data-state=all]').click()
    await expect(row).toHaveCount(1)

    // save as .eml: a download with the reply's Message-ID
    const download = page.waitForEvent('download')
    await row.getByTestId('outbox-eml').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.eml$/)
    const eml = readFileSync((await file.path())!, 'latin1')
    expect(eml).toMatch(/^Message-ID: <reply-\d+-/im)
    await page.screenshot({ path: `${SHOTS}/outbox-light.png` })

    // cancel it: the state changes in place
    page.once('dialog', (d) => void d.accept())
    await row.getByTestId('outbox-cancel').click()
    await expect(row.getByTestId('outbox-state')).toHaveAttribute('data-state', 'cancelled')
    await expect(row.getByTestId('outbox-retry')).toBeVisible()
  })

  test('a restricted case (vendor FINAL) can only be escalated, and the guard blocks a reply that tells why', async ({ page }) => {
    test.setTimeout(120_000)
    // A copy of the td3 bundle that the vendor rejected as FINAL, in a host of its own.
    const bundles = mkdtempSync(join(tmpdir(), 'kyc-e2e-final-'))
    const dir = join(bundles, 'final')
    cpSync('tests/fixtures/bundles/td3-utopia', dir, { recursive: true })
    const json = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Record<string, unknown> & { vendor: Record<string, unknown>; form: Record<string, unknown> }
    json.caseId = 'BN-2026-000199'
    json.vendor = { ...json.vendor, rejectType: 'FINAL', labels: ['DOCUMENT_EXPIRED'] }
    writeFileSync(join(dir, 'case.json'), JSON.stringify(json, null, 2))
    const host = await startHostProcess(['--data-dir', mkdtempSync(join(tmpdir(), 'kyc-e2e-')), '--import', bundles])
    try {
      await page.goto(host.url)
      await page.getByTestId('filter-status').selectOption('all')
      await page.getByTestId('queue-row').filter({ hasText: 'ANNA MARIA ERIKSSON' }).dblclick()
      await expect(page.getByTestId('case-title')).toHaveText('ANNA MARIA ERIKSSON')
      await page.getByTestId('composer-open').click()

      await expect(page.getByTestId('composer-restricted')).toBeVisible()
      await expect(page.getByTestId('restriction-reason').first()).toBeVisible()
      // only escalation is offered, with holding-reply templates
      await expect(page.getByTestId('decision-kind').locator('option')).toHaveCount(1)
      await expect(page.getByTestId('decision-kind')).toHaveValue('escalate')
      await expect(page.getByTestId('template-select').locator('option')).toHaveCount(2)
      const templates = await page.getByTestId('template-select').locator('option').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))
      expect(templates.sort()).toEqual(['escalation_holding_reply', 'wait_for_review'])
      await expect(page.getByTestId('remedy-list')).toHaveCount(0)

      // an edited reply that mentions the signal is blocked by the disclosure guard
      await expect(page.getByTestId('guard-ok')).toBeVisible()
      await page.getByTestId('decision-reason').fill('Vendor rejected as final; compliance to review.')
      await page.getByTestId('reply-edit').click()
      await page.getByTestId('draft-body').fill('Your account was flagged for fraud and suspicious logins. Please change your password.')
      await expect(page.getByTestId('guard-blocked')).toBeVisible()
      await expect(page.getByTestId('reply-send-next')).toBeDisabled()
      await expect(page.getByTestId('send-blockers')).toContainText('cannot be sent')

      // the holding reply as written goes, and the case is escalated
      await page.getByTestId('reply-discard').click()
      await expect(page.getByTestId('guard-ok')).toBeVisible()
      await page.getByTestId('reply-send').click()
      await expect(page.getByTestId('toast').first()).toContainText('Escalate to compliance')
      await expect(page.getByTestId('case-reply')).toHaveCount(1)
      // once escalated, compliance's outcome can be recorded; resubmission never
      await page.reload()
      await expect(page.getByTestId('case-title')).toHaveText('ANNA MARIA ERIKSSON')
      await page.getByTestId('composer-open').click()
      // The options come with the case's remedies (async): wait for them, then check.
      const kind = page.getByTestId('decision-kind')
      await expect(kind.locator('option[value="reject_final"]')).toHaveCount(1)
      await expect(kind.locator('option[value="request_resubmission"]')).toHaveCount(0)
    } finally {
      await page.goto('about:blank') // the topbar's outbox count must not poll a stopped host
      await host.stop()
    }
  })
})
