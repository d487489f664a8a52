import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Opens the queue and waits for its first row. */
export async function openQueue(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.getByTestId('queue-row').first()).toBeVisible()
}

/** Opens a case from the queue (all statuses) and waits until its analysis has finished. */
export async function openCase(page: Page, url: string, name: string): Promise<void> {
  await openQueue(page, url)
  await page.getByTestId('filter-status').selectOption('all')
  await page.getByTestId('queue-row').filter({ hasText: name }).dblclick()
  await expect(page.getByTestId('case-title')).toHaveText(name)
  // Analysis runs after import; a case still being analysed shows a note until it is done.
  await expect(async () => {
    if (await page.getByTestId('analysis-note').isVisible()) {
      await page.reload()
      await expect(page.getByTestId('case-title')).toHaveText(name)
    }
    await expect(page.getByTestId('analysis-note')).toHaveCount(0)
  }).toPass({ timeout: 60_000 })
}
