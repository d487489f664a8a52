import { test, expect } from './fixtures'

test.describe('the spine', () => {
  test('the queue shows the imported cases, oldest first', async ({ page, host }) => {
    await page.goto(host.url)
    const rows = page.getByTestId('queue-row')
    await expect(rows).toHaveCount(3)
    await expect(rows.first()).toContainText('MEI-HUA LIN')
    await expect(page.getByTestId('queue-total')).toContainText('3')
    await page.screenshot({ path: 'test-results/screens/queue.png' })
  })

  test('opening a case shows its document and selfie images', async ({ page, host }) => {
    await page.goto(host.url)
    await page.getByTestId('queue-row').filter({ hasText: 'ANNA MARIA ERIKSSON' }).dblclick()
    await expect(page.getByTestId('case-title')).toHaveText('ANNA MARIA ERIKSSON')
    const doc = page.getByTestId('document-image')
    const selfie = page.getByTestId('selfie-image')
    await expect(doc).toBeVisible()
    await expect(selfie).toBeVisible()
    // Loaded for real from the artifact store, not just present in the DOM.
    await expect.poll(() => doc.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(500)
    await expect.poll(() => selfie.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(150)
    await page.screenshot({ path: 'test-results/screens/case.png' })
  })

  test('keyboard: j/k move, Enter opens, Escape goes back', async ({ page, host }) => {
    await page.goto(host.url)
    await expect(page.getByTestId('queue-row')).toHaveCount(3)
    await page.keyboard.press('j')
    await expect(page.getByTestId('queue-row').nth(1)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('case-title')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('queue-list')).toBeVisible()
  })

  test('search narrows the queue by name, document number or e-mail', async ({ page, host }) => {
    await page.goto(host.url)
    await expect(page.getByTestId('queue-row')).toHaveCount(3) // the shortcut listens once the queue is up
    await page.keyboard.press('/')
    await page.keyboard.type('popescu')
    await expect(page.getByTestId('queue-row')).toHaveCount(1)
    await expect(page.getByTestId('queue-row')).toContainText('MARIA POPESCU')
    await page.getByTestId('queue-search').fill('L898902')
    await expect(page.getByTestId('queue-row')).toHaveCount(1)
    await expect(page.getByTestId('queue-row')).toContainText('ERIKSSON')
  })

  test('the web host refuses requests without the token and artifact paths outside the store', async ({ request, host }) => {
    const noToken = await request.post(`${host.origin}/api/app:info`, { data: {} })
    expect(noToken.status()).toBe(403)
  })
})
