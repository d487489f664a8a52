import { test, expect } from './fixtures'
import { openCase } from './navigate'

/**
 * Evidence drawn from the analysis (issue 7), on bundles made for it (tests/fixtures/e2e-bundles):
 * a Croatian specimen with a specular highlight over its data page, and the Utopia specimen whose
 * typed date of birth has day and month swapped.
 */
test.use({ imports: ['tests/fixtures/e2e-bundles'] })

test.describe('evidence on the images and in the field table', () => {
  test('a glare finding is drawn where the glare is, and the selfie shows its face box', async ({ page, host }) => {
    await openCase(page, host.url, 'SPECIMEN SPECIMEN')
    const glare = page.getByTestId('finding').and(page.locator('[data-code=GLARE]'))
    await expect(glare).toHaveCount(1)
    await expect(glare.getByTestId('finding-explanation')).toContainText(/glare/i)

    const id = await glare.getAttribute('data-finding')
    const overlay = page.getByTestId('document-viewer').locator(`[data-overlay="finding-${id}"]`)
    await expect(overlay).toHaveCount(1)
    // The fixture's highlight is centred at (50 %, 42 %) of the page: the drawn box must cover it.
    const image = await page.getByTestId('document-image').boundingBox()
    const box = await overlay.boundingBox()
    expect(image && box).toBeTruthy()
    const cx = (0.5 * image!.width + image!.x - box!.x) / box!.width
    const cy = (0.42 * image!.height + image!.y - box!.y) / box!.height
    expect(cx, 'highlight centre inside the box, horizontally').toBeGreaterThan(0)
    expect(cx).toBeLessThan(1)
    expect(cy, 'highlight centre inside the box, vertically').toBeGreaterThan(0)
    expect(cy).toBeLessThan(1)

    await glare.hover()
    await expect(overlay).toHaveClass(/hl/)
    await glare.getByTestId('finding-overlay-toggle').uncheck()
    await expect(overlay).toHaveCount(0)
    await glare.getByTestId('finding-overlay-toggle').check()
    await expect(overlay).toHaveCount(1)

    // Faces: a box on the document's portrait and on the selfie, hidden with the faces toggle.
    const faceBoxes = page.locator('[data-overlay^="face-"]')
    await expect(page.getByTestId('document-viewer').locator('[data-overlay^="face-document"]')).toHaveCount(1)
    await expect(page.getByTestId('selfie-viewer').locator('[data-overlay^="face-selfie"]')).toHaveCount(1)
    await page.getByTestId('toggle-faces').uncheck()
    await expect(faceBoxes).toHaveCount(0)
  })

  test('the field table names a swapped day and month and highlights the characters that differ', async ({ page, host }) => {
    await openCase(page, host.url, 'ANNA MARIA ERIKSSON')
    const dob = page.getByTestId('field-table').locator('[data-field=dateOfBirth]')
    await expect(dob).toHaveAttribute('data-verdict', 'differs')
    await expect(dob.getByTestId('day-month-swap')).toBeVisible()
    const reveal = page.getByTestId('reveal-pii')
    if (await reveal.isVisible()) await reveal.click()
    // Typed 1974-12-08, document 1974-08-12: the month and day digits are marked on both sides.
    await expect(dob.getByTestId('field-typed')).toHaveText('1974-12-08')
    await expect(dob.getByTestId('field-document')).toHaveText('1974-08-12')
    const marked = (cell: string) => dob.getByTestId(cell).locator('.removed, .added').allInnerTexts()
    expect(await marked('field-typed')).toEqual(['12', '08'])
    expect(await marked('field-document')).toEqual(['08', '12'])
    // Fields that agree stay unmarked.
    const last = page.getByTestId('field-table').locator('[data-field=lastName]')
    await expect(last).toHaveAttribute('data-verdict', 'match')
    await expect(last.locator('.removed, .added')).toHaveCount(0)
    // The finding says which field and what kind of difference.
    await expect(page.getByTestId('finding').and(page.locator('[data-code=DATE_OF_BIRTH]')).getByTestId('finding-explanation')).toContainText(/day and the month/i)
  })
})
