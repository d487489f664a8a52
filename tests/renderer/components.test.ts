import { beforeEach, describe, expect, it, vi } from 'vitest'
import { RouterLinkStub, mount } from '@vue/test-utils'
import { i18n, setUiLocale } from '../../src/renderer/src/i18n'
import { caseDetail, dob, face, glare, security } from './fixtures/case-detail'

vi.mock('../../src/renderer/src/api', () => ({ call: vi.fn(), artifactUrl: (s: string) => `/artifact/${s}` }))

const FieldTable = (await import('../../src/renderer/src/components/FieldTable.vue')).default
const FindingsPanel = (await import('../../src/renderer/src/components/FindingsPanel.vue')).default
const ImageViewer = (await import('../../src/renderer/src/components/ImageViewer.vue')).default
const FaceCompare = (await import('../../src/renderer/src/components/FaceCompare.vue')).default
const ContextPanel = (await import('../../src/renderer/src/components/ContextPanel.vue')).default

const global = { plugins: [i18n] }
const first = caseDetail.attempts[0]

describe('renderer components', () => {
  beforeEach(() => setUiLocale('en'))

  it('field table: verdict per field, the differing characters marked, the day/month swap named', () => {
    const w = mount(FieldTable, { props: { form: first.bundle.form as Record<string, unknown>, documentData: first.documentData, findings: first.findings }, global })
    const row = (f: string) => w.find(`[data-field="${f}"]`)
    expect(row('lastName').attributes('data-verdict')).toBe('match')
    expect(row('dateOfBirth').attributes('data-verdict')).toBe('differs')
    expect(row('dateOfBirth').find('[data-testid=day-month-swap]').text()).toBe('Day and month swapped')
    expect(row('dateOfBirth').findAll('.removed').map((s) => s.text()).join('')).not.toBe('')
    expect(row('dateOfBirth').find('[data-testid=field-typed]').text()).toBe('1974-12-08')
    expect(row('dateOfBirth').find('[data-testid=field-document]').text()).toBe('1974-08-12')
    expect(w.find('[data-testid=field-source]').text()).toContain('machine-readable zone')
  })

  it('findings panel: grouped by cause, blockers first, evidence beside its threshold, remedies readable', async () => {
    const w = mount(FindingsPanel, { props: { findings: [security, glare, face, dob], hidden: new Set<number>(), hovered: null }, global })
    const causes = w.findAll('[data-testid=finding-group]').map((g) => g.attributes('data-cause'))
    expect(causes).toEqual(['IDENTITY_DATA_MISMATCH', 'FACE_MISMATCH', 'DOCUMENT_QUALITY', 'ACCOUNT_SECURITY_RISK'])
    const g = w.find(`[data-finding="${glare.id}"]`)
    expect(g.find('[data-testid=evidence-value]').text()).toBe('0.064')
    expect(g.find('[data-testid=evidence-threshold]').text()).toBe('limit 0.02')
    expect(g.find('[data-testid=remedy]').text()).toBe('Retake without glare')
    expect(g.text()).toContain('Confidence 82%')
    // the fraud-related cause is marked as not for the customer
    expect(w.find('[data-cause=ACCOUNT_SECURITY_RISK]').text()).toContain('do not reveal')

    await g.find('[data-testid=finding-overlay-toggle]').setValue(false)
    expect(w.emitted('toggle')?.[0]).toEqual([glare.id])
    await g.trigger('mouseenter')
    expect(w.emitted('hover')?.[0]).toEqual([glare.id])
  })

  it('findings panel speaks Chinese when the UI does', () => {
    setUiLocale('zh-CN')
    const w = mount(FindingsPanel, { props: { findings: [glare], hidden: new Set<number>(), hovered: null }, global })
    expect(w.find('[data-testid=finding-explanation]').text()).toBe('中文：GLARE')
    expect(w.text()).toContain('证件图片质量差')
    expect(w.find('[data-testid=remedy]').text()).toBe('避免反光重拍')
  })

  it('image viewer: buttons zoom and rotate, overlays are drawn at their region', async () => {
    const view = { zoom: 1, panX: 0, panY: 0 }
    const w = mount(ImageViewer, {
      props: {
        src: '/artifact/x', name: 'doc', initialSize: { width: 1000, height: 500 }, view,
        overlays: [{ id: 'finding-1', region: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }, tone: 'blocker', label: 'Glare', highlighted: true }],
      },
      global,
    })
    await w.find('[data-testid=viewer-zoom-in]').trigger('click')
    expect((w.emitted('update:view')![0][0] as typeof view).zoom).toBeCloseTo(1.25)
    await w.find('[data-testid=viewer-rotate-right]').trigger('click')
    expect(w.find('[data-testid=viewer-rotation]').text()).toBe('90°')
    expect(w.find('[data-testid=viewer-layer]').attributes('style')).toContain('rotate(90deg)')
    const rect = w.find('[data-testid=overlay]')
    expect([rect.attributes('x'), rect.attributes('y'), rect.attributes('width'), rect.attributes('height')]).toEqual(['100', '100', '300', '200'])
    expect(rect.classes()).toContain('hl')
    await w.find('[data-testid=viewer-stage]').trigger('keydown', { key: '1' })
    expect(w.emitted('update:view')!.length).toBeGreaterThan(2)
  })

  it('image viewer: brightness and contrast become a CSS filter on the image only', async () => {
    const w = mount(ImageViewer, { props: { src: '/artifact/x', name: 'doc', view: { zoom: 1, panX: 0, panY: 0 }, imageTestid: 'document-image' }, global })
    await w.find('[data-testid=viewer-brightness]').setValue('1.5')
    expect(w.find('[data-testid=document-image]').attributes('style')).toContain('brightness(1.5) contrast(1)')
  })

  it('face compare shows both crops and the similarity with its threshold', () => {
    const w = mount(FaceCompare, { props: { faces: first.faces, findings: first.findings }, global })
    expect(w.find('[data-testid=face-crop-document]').attributes('src')).toBe(`/artifact/${'f'.repeat(64)}`)
    expect(w.find('[data-testid=face-crop-selfie]').exists()).toBe(true)
    expect(w.find('[data-testid=face-similarity]').text()).toContain('0.312')
    expect(w.find('[data-testid=face-similarity]').text()).toContain('threshold 0.45')
  })

  it('context: uploads with failures highlighted, logins in time order, what changed between attempts', async () => {
    const w = mount(ContextPanel, { props: { attempts: caseDetail.attempts, index: 1, accountCases: caseDetail.accountCases }, global: { ...global, stubs: { RouterLink: RouterLinkStub } } })
    expect(w.findAll('[data-testid=upload-row]').map((r) => r.attributes('data-failed'))).toEqual(['true', 'false'])
    await w.find('[data-tab=logins]').trigger('click')
    expect(w.findAll('[data-testid=login-row]').map((r) => r.attributes('data-success'))).toEqual(['true', 'false'])
    await w.find('[data-tab=history]').trigger('click')
    expect(w.find('[data-testid=form-change]').text()).toContain('dateOfBirth')
    expect(w.find('[data-testid=causes-resolved]').text()).toContain('Data mismatch')
    expect(w.find('[data-testid=causes-resolved]').text()).toContain('Face mismatch')
    // The account's other cases, each a link to its page.
    const other = w.findAll('[data-testid=account-case]')
    expect(other.map((r) => r.text())).toEqual([expect.stringContaining('BN-0')])
    expect(w.findComponent(RouterLinkStub).props('to')).toEqual({ name: 'case', params: { id: 3 } })
  })
})
