import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openCase, openQueue } from './navigate'
import { startHostProcess } from '../helpers/web-host-process'

/**
 * Least exposure in use and retention (issue 9) against the real services: masking and the
 * audited reveal, the idle lock, watermarked image exports, and images deleted under the
 * retention policy. (That the logs hold no customer data is checked after the whole suite, in
 * global-teardown.ts.)
 */

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/** A contract call from the page, as the renderer makes it. */
async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([c, i]) => (globalThis as unknown as { kyc: Record<string, (x: unknown) => Promise<unknown>> }).kyc[c](i),
    [channel, input] as const,
  )) as Result<T>
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value
}

interface AuditEvent { action: string; agent: string; casePlatformId: string | null; detail: Record<string, unknown> }
const auditEvents = async (page: Page, action: string) => (await api<{ events: AuditEvent[] }>(page, 'audit:list', { action, offset: 0, limit: 50 })).events

const caseIdFromUrl = (page: Page) => Number(/#\/case\/(\d+)/.exec(page.url())?.[1])

/** RGB pixels of an encoded image. */
async function pixels(bytes: Buffer) {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/**
 * The exported image is the original with text drawn over all of it: same size, and in every
 * cell of a grid some pixels changed (a crop keeps part of the watermark), while most of the
 * image is still the original.
 */
async function expectWatermarked(original: Buffer, exported: Buffer, grid: number) {
  const a = await pixels(original)
  const b = await pixels(exported)
  expect([b.width, b.height]).toEqual([a.width, a.height])
  const changed = new Array<number>(grid * grid).fill(0)
  const total = new Array<number>(grid * grid).fill(0)
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 3
      const cell = Math.min(grid - 1, Math.floor((y * grid) / a.height)) * grid + Math.min(grid - 1, Math.floor((x * grid) / a.width))
      total[cell]++
      if (Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2])) > 40) changed[cell]++
    }
  }
  const fractions = changed.map((c, i) => c / total[i])
  for (const [i, f] of fractions.entries()) expect(f, `cell ${i}: ${fractions.map((x) => x.toFixed(3)).join(' ')}`).toBeGreaterThan(0.01)
  expect(changed.reduce((s, c) => s + c, 0) / total.reduce((s, c) => s + c, 0)).toBeLessThan(0.5)
}

test.describe('least exposure in use', () => {
  test('document numbers and dates of birth are masked until an audited reveal; search by number still works', async ({ page, host }) => {
    const caseBodies: string[] = []
    page.on('response', (r) => {
      if (/\/api\/cases(%3A|:)get$/.test(r.url())) void r.text().then((t) => caseBodies.push(t)).catch(() => undefined)
    })
    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
    const row = (field: string) => page.getByTestId('field-table').locator(`[data-field=${field}]`)
    await expect(row('documentNumber')).toHaveAttribute('data-masked', 'true')
    await expect(row('documentNumber').getByTestId('field-typed')).toHaveText('L8••••C3')
    await expect(row('documentNumber').getByTestId('field-document')).toHaveText('L8••••C3')
    await expect(row('dateOfBirth').getByTestId('field-typed')).toHaveText('19••-••-12')
    // The verdicts were worked out in main from the clear values.
    await expect(row('documentNumber')).toHaveAttribute('data-verdict', 'match')
    await expect(row('dateOfBirth')).toHaveAttribute('data-verdict', 'match')
    await expect(page.getByTestId('masked-chip')).toBeVisible()
    // The renderer never received the clear values.
    await expect.poll(() => caseBodies.length).toBeGreaterThan(0)
    for (const clear of ['L898902C3', '1974-08-12', '12 August 1974', '740812']) {
      for (const body of caseBodies) expect(body, clear).not.toContain(clear)
      expect(await page.content(), clear).not.toContain(clear)
    }
    expect(await auditEvents(page, 'case.revealed')).toHaveLength(0)

    // V reveals (an explicit, audited action) …
    await page.getByTestId('case-title').click()
    await page.keyboard.press('v')
    await expect(row('documentNumber').getByTestId('field-typed')).toHaveText('L898902C3')
    await expect(row('dateOfBirth').getByTestId('field-typed')).toHaveText('1974-08-12')
    await expect(page.getByTestId('revealed-chip')).toBeVisible()
    const revealed = await auditEvents(page, 'case.revealed')
    expect(revealed).toHaveLength(1)
    expect(revealed[0].casePlatformId).toBe('BN-2026-000101')
    // … and the shortcut is listed in the ? dialog.
    await page.keyboard.press('?')
    await expect(page.getByTestId('shortcuts-dialog')).toContainText('Reveal / hide document numbers and dates of birth')
    await page.getByTestId('shortcuts-close').click()

    // Hide masks again; leaving the case after a reveal does too.
    await page.getByTestId('reveal-pii').click()
    await expect(row('documentNumber').getByTestId('field-typed')).toHaveText('L8••••C3')
    await page.getByTestId('reveal-pii').click()
    await expect(row('documentNumber').getByTestId('field-typed')).toHaveText('L898902C3')
    await page.keyboard.press('Escape')
    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
    await expect(row('documentNumber').getByTestId('field-typed')).toHaveText('L8••••C3')

    // Searching the queue by document number still finds the case.
    await openQueue(page, host.url)
    await page.getByTestId('filter-status').selectOption('all')
    await page.getByTestId('queue-search').fill('L898902C3')
    await expect(page.getByTestId('queue-row')).toHaveCount(1)
    await expect(page.getByTestId('queue-row')).toContainText('ERIKSSON')
  })

  test('copying or saving an image puts a tiled watermark of the agent and the time on it, and is audited', async ({ page, host, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin })
    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
    await api(page, 'settings:agent-save', { name: 'E2E Agent' })
    const original = async (testid: string) => {
      const src = await page.getByTestId(testid).getAttribute('src')
      return (await page.request.get(new URL(src!, host.origin).toString())).body()
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-pane').getByTestId('image-save').click()])
    expect(download.suggestedFilename()).toBe('BN-2026-000101-passport-watermarked.png')
    const saved = readFileSync((await download.path())!)
    expect(saved.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    await expectWatermarked(await original('document-image'), saved, 4)

    await page.getByTestId('selfie-pane').getByTestId('image-copy').click()
    await expect(page.getByTestId('toast').last()).toContainText('Image copied')
    const copied = Buffer.from(
      await page.evaluate(async () => {
        const nav = (globalThis as unknown as { navigator: { clipboard: { read(): Promise<Array<{ types: string[]; getType(t: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }> }>> } } }).navigator
        const [item] = await nav.clipboard.read()
        const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer())
        let s = ''
        for (const b of bytes) s += String.fromCharCode(b)
        return (globalThis as unknown as { btoa(s: string): string }).btoa(s)
      }),
      'base64',
    )
    await expectWatermarked(await original('selfie-image'), copied, 2)

    const exports = await auditEvents(page, 'case.image_exported')
    expect(exports.map((e) => e.detail.kind).sort()).toEqual(['copy', 'save'])
    expect(exports.every((e) => e.agent === 'E2E Agent' && e.casePlatformId === 'BN-2026-000101')).toBe(true)
  })

  test('after the idle time the window hides every image and detail until the agent unlocks; lock and unlock are audited', async ({ page, host }) => {
    await page.clock.install()
    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
    await page.getByTestId('case-title').click()
    await page.keyboard.press('v')
    await expect(page.getByTestId('revealed-chip')).toBeVisible()
    await expect(page.getByTestId('document-image')).toBeVisible()

    // Four minutes: nothing; past the policy's five (default): locked.
    await page.clock.runFor('04:00')
    await expect(page.getByTestId('lock-screen')).toBeHidden()
    await page.clock.runFor('01:10')
    await expect(page.getByTestId('lock-screen')).toBeVisible()
    await expect(page.getByTestId('lock-reason')).toHaveText('Locked after 5 minutes without activity.')
    for (const hidden of ['document-image', 'selfie-image', 'case-title', 'field-table', 'face-compare']) await expect(page.getByTestId(hidden).first()).toBeHidden()

    // No shortcut reaches the app behind the lock (r would open the reply composer).
    await page.keyboard.press('r')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('lock-screen')).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('lock-screen')).toBeHidden()
    await expect(page.getByTestId('document-image')).toBeVisible()
    await expect(page.getByTestId('composer')).toHaveCount(0)
    // The lock ended the reveal.
    await expect(page.getByTestId('masked-chip')).toBeVisible()

    const locked = await auditEvents(page, 'session.locked')
    expect(locked[0].detail).toMatchObject({ reason: 'idle', idleMinutes: 5, concealedCases: 1 })
    expect(await auditEvents(page, 'session.unlocked')).toHaveLength(1)
  })

  test('the idle time is a desk policy setting: shown with its reason, 0 turns the lock off', async ({ page, host }) => {
    await page.clock.install()
    await page.goto(`${host.url}#/settings/agent`)
    await expect(page.getByTestId('policy-why-idleLockMinutes')).toContainText('PCI DSS')
    await expect(page.getByTestId('policy-retentionDays')).toHaveValue('90')
    await page.getByTestId('policy-idleLockMinutes').fill('0')
    await page.getByTestId('policy-save').click()
    await expect(page.getByTestId('toast').last()).toContainText('Policy saved')
    await page.clock.runFor('20:00')
    await expect(page.getByTestId('lock-screen')).toBeHidden()
    const changed = await auditEvents(page, 'settings.policy_changed')
    expect(changed[0].detail).toMatchObject({ key: 'idleLockMinutes', from: 5, to: 0 })
    // A manual lock still works.
    await page.getByTestId('lock-now').click()
    await expect(page.getByTestId('lock-screen')).toBeVisible()
    await page.getByTestId('unlock').click()
    await expect(page.getByTestId('lock-screen')).toBeHidden()
  })
})

test.describe('retention', () => {
  test('images of a case closed longer ago than the retention period are deleted; the workspace says so', async ({ page }) => {
    // Two web hosts one after the other, the first importing and analysing the fixture cases.
    test.setTimeout(180_000)
    const dataDir = mkdtempSync(join(process.env.KYC_E2E_RUN_DIR ?? tmpdir(), 'kyc-e2e-retention-'))
    const then = await startHostProcess(['--data-dir', dataDir, '--import', 'tests/fixtures/bundles', '--now', '2026-01-10T10:00:00Z'])
    try {
      await openCase(page, then.url, 'ANNA MARIA ERIKSSON')
      await api(page, 'decisions:record', { caseId: caseIdFromUrl(page), kind: 'approve_override', reason: 'Verified by video call' })
    } finally {
      await then.stop()
    }
    // 142 days later the desk opens and applies the policy (90 days).
    const later = await startHostProcess(['--data-dir', dataDir, '--now', '2026-06-01T10:00:00Z'])
    try {
      await openCase(page, later.url, 'ANNA MARIA ERIKSSON')
      await expect(page.getByTestId('images-purged')).toHaveCount(2)
      await expect(page.getByTestId('images-purged').first()).toHaveText('Images deleted on Jun 1, 2026 under the retention policy')
      await expect(page.getByTestId('document-image')).toHaveCount(0)
      await expect(page.getByTestId('face-crop-purged')).toHaveCount(2)
      // Findings and the decision stay.
      await expect(page.getByTestId('finding').first()).toBeVisible()
      expect((await api<{ decisions: unknown[] }>(page, 'decisions:list', { caseId: caseIdFromUrl(page) })).decisions).toHaveLength(1)
      // An open case keeps its images.
      await openCase(page, later.url, 'MARIA POPESCU')
      await expect(page.getByTestId('document-image')).toBeVisible()
      // The settings show the policy and what the last run did.
      await page.goto(`${later.url}#/settings/agent`)
      await expect(page.getByTestId('retention-last-run')).toContainText(/image files of 1 cases deleted/)
    } finally {
      await later.stop()
    }
  })
})
