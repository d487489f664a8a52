import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openCase, openQueue } from './navigate'

/**
 * Accessibility of the screens an agent lives in (issue 7: labels for screen readers, contrast AA,
 * keyboard focus), checked by axe-core against WCAG 2.1 A/AA in both colour schemes and both
 * languages. Any violation fails, with the rule, the element and axe's explanation.
 */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`))
}

for (const scheme of ['light', 'dark'] as const) {
  test(`queue and case meet WCAG 2.1 AA (${scheme})`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openQueue(page, host.url)
    await page.getByTestId('filter-status').selectOption('all')
    await expect(page.getByTestId('queue-row')).toHaveCount(3)
    expect(await violations(page), 'queue').toEqual([])

    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
    await expect.poll(() => page.getByTestId('document-image').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)
    expect(await violations(page), 'case').toEqual([])
  })
}

test('the Chinese UI meets WCAG 2.1 AA too (lang attribute, labels)', async ({ page, host }) => {
  await openQueue(page, host.url)
  await page.getByTestId('ui-locale').selectOption('zh-CN')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  expect(await violations(page), 'queue (zh-CN)').toEqual([])
  await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
  expect(await violations(page), 'case (zh-CN)').toEqual([])
})
