import { test, expect } from './fixtures'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildZip } from '../unit/main/import/helpers/zip-writer'
import { startHostProcess } from '../helpers/web-host-process'

const VALID = 'tests/fixtures/import/valid-case'

/** A zip export with two case folders: one good, one whose case.json has an impossible date. */
function exportZip(): string {
  const good = JSON.parse(readFileSync(join(VALID, 'case.json'), 'utf8'))
  good.caseId = 'IMP-E2E-0001'
  const bad = { ...good, caseId: 'IMP-E2E-0002', form: { ...good.form, dateOfBirth: '1974-02-30' } }
  const files = [
    { name: 'good/case.json', data: JSON.stringify(good) },
    { name: 'good/passport.jpg', data: readFileSync(join(VALID, 'passport.jpg')) },
    { name: 'good/selfie.png', data: readFileSync(join(VALID, 'selfie.png')) },
    { name: 'bad/case.json', data: JSON.stringify(bad) },
    { name: 'bad/passport.jpg', data: readFileSync(join(VALID, 'passport.jpg')) },
    { name: 'bad/selfie.png', data: readFileSync(join(VALID, 'selfie.png')) },
  ]
  const path = join(mkdtempSync(join(tmpdir(), 'kyc-e2e-zip-')), 'platform-export.zip')
  writeFileSync(path, buildZip(files))
  return path
}

test('import a zip through the UI: progress, the new case in the queue, the rejected bundle with its reason', async ({ page }) => {
  const host = await startHostProcess(['--data-dir', mkdtempSync(join(tmpdir(), 'kyc-e2e-import-')), '--dialog-answer', exportZip()])
  try {
    await page.goto(host.url)
    await expect(page.getByTestId('queue-empty')).toBeVisible()
    await page.getByTestId('import-open').click()
    await expect(page.getByTestId('import-dialog')).toBeVisible()
    await page.getByTestId('import-choose').click()
    await expect(page.getByTestId('import-progress')).toBeVisible()
    await expect(page.getByTestId('import-done')).toBeVisible()
    await expect(page.getByTestId('import-counts')).toContainText('2 read')
    await expect(page.getByTestId('import-counts')).toContainText('1 imported')
    await expect(page.getByTestId('import-counts')).toContainText('1 rejected')
    const rejected = page.getByTestId('import-rejected')
    await expect(rejected).toHaveCount(1)
    await expect(rejected).toContainText('platform-export.zip')
    await expect(rejected).toContainText('form.dateOfBirth')
    await page.screenshot({ path: 'test-results/screens/import.png' })
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('queue-row')).toHaveCount(1)
    await expect(page.getByTestId('queue-row')).toContainText('ANNA MARIA ERIKSSON')
  } finally {
    await host.stop()
  }
})

test('the analysis thresholds are shown read-only with their reasons', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('settings-open').click()
  const table = page.getByTestId('settings-table')
  await expect(table).toContainText('analyserTimeoutMs')
  await expect(table).toContainText('minSimilarity')
  await expect(table.locator('tbody tr')).not.toHaveCount(0)
})
