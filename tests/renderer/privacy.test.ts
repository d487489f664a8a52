import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n, setUiLocale } from '../../src/renderer/src/i18n'
import { compareFields } from '../../src/renderer/src/composables/field-compare'
import { withMaskedComparison } from '../../src/renderer/src/composables/masked-compare'
import { watermarkFontSize, watermarkLayout, watermarkText, WATERMARK_ANGLE } from '../../src/renderer/src/composables/watermark'
import type { DocumentData } from '../../src/shared/domain/document-data'
import type { MaskedComparison } from '../../src/shared/domain/privacy'

vi.mock('../../src/renderer/src/api', () => ({ call: vi.fn(), artifactUrl: (s: string) => `/artifact/${s}` }))
const FieldTable = (await import('../../src/renderer/src/components/FieldTable.vue')).default

// A case as cases:get returns it masked: the masks of two different numbers look alike.
const form = { firstName: 'ANNA MARIA', lastName: 'ERIKSSON', documentNumber: 'L8••••C8', dateOfBirth: '19••-••-08', nationality: 'UTO' }
const documentData: DocumentData = { source: 'mrz', mrz: null, fields: { firstName: 'ANNA MARIA', lastName: 'ERIKSSON', documentNumber: 'L8••••C3', dateOfBirth: '19••-••-12', nationality: 'UTO' } }
const masked: MaskedComparison[] = [
  { field: 'documentNumber', verdict: 'differs', kind: 'typo', differingParts: [], editCount: 1 },
  { field: 'dateOfBirth', verdict: 'differs', kind: 'day-month-swapped', differingParts: ['month', 'day'], editCount: null },
]

describe('the typed-vs-document table while masked', () => {
  beforeEach(() => setUiLocale('en'))

  it('takes the verdict from main and marks the differing date parts of the masks', () => {
    const rows = withMaskedComparison(compareFields(form, documentData, []), masked)
    const dob = rows.find((r) => r.field === 'dateOfBirth')!
    expect(dob.verdict).toBe('differs')
    expect(dob.dayMonthSwap).toBe(true)
    expect(dob.typedParts).toEqual([{ op: 'same', text: '19••' }, { op: 'same', text: '-' }, { op: 'removed', text: '••' }, { op: 'same', text: '-' }, { op: 'removed', text: '08' }])
    expect(dob.documentParts.filter((p) => p.op === 'added').map((p) => p.text)).toEqual(['••', '12'])
    // Two masks that look the same still say "differs" when main says so.
    const same = withMaskedComparison(compareFields({ documentNumber: 'L8••••C3' }, documentData, []), masked).find((r) => r.field === 'documentNumber')!
    expect(same.verdict).toBe('differs')
    // Unmasked fields are compared as before.
    expect(rows.find((r) => r.field === 'lastName')!.verdict).toBe('match')
  })

  it('renders the masks, the verdict and the kind of difference, never a clear value', () => {
    const w = mount(FieldTable, { props: { form, documentData, findings: [], maskedFields: masked }, global: { plugins: [i18n] } })
    const row = w.find('[data-field="documentNumber"]')
    expect(row.attributes('data-masked')).toBe('true')
    expect(row.attributes('data-verdict')).toBe('differs')
    expect(row.find('[data-testid=field-typed]').text()).toBe('L8••••C8')
    expect(row.find('[data-testid=masked-kind]').text()).toBe('Typo: 1 character differs')
    expect(w.find('[data-field="dateOfBirth"] [data-testid=day-month-swap]').exists()).toBe(true)
    expect(w.find('[data-field="lastName"]').attributes('data-masked')).toBeUndefined()
  })
})

describe('the watermark covers the whole image', () => {
  /** The text's path of one tile, sampled, in image pixels. */
  function samples(tile: { x: number; y: number }, textWidth: number) {
    return Array.from({ length: 11 }, (_, i) => ({ x: tile.x + (textWidth * i / 10) * Math.cos(WATERMARK_ANGLE), y: tile.y + (textWidth * i / 10) * Math.sin(WATERMARK_ANGLE) }))
  }

  it.each([[1000, 700], [700, 1000], [320, 240], [2400, 1600]])('%i × %i: text in every cell of a 4 × 4 grid, so a crop keeps some', (width, height) => {
    const textWidth = watermarkFontSize(width, height) * 18
    const { tiles } = watermarkLayout(width, height, textWidth)
    const points = tiles.flatMap((t) => samples(t, textWidth))
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const inCell = points.some((p) => p.x >= (i * width) / 4 && p.x < ((i + 1) * width) / 4 && p.y >= (j * height) / 4 && p.y < ((j + 1) * height) / 4)
        expect(inCell, `cell ${i},${j}`).toBe(true)
      }
    }
  })

  it('names the agent, the time (UTC) and the case', () => {
    expect(watermarkText({ agent: 'Agent Smith', at: '2026-11-28T14:03:12.000Z', caseId: 'BN-2026-000101' }, 'en')).toMatch(/^Agent Smith · Nov 28, 2026, 2:03:12\sPM UTC · BN-2026-000101$/)
  })
})
