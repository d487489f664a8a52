import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { i18n, setUiLocale } from '../../src/renderer/src/i18n'
import type { LockState } from '../../src/shared/contract-keys'

const call = vi.fn()
vi.mock('../../src/renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/renderer/src/api')>()),
  call: (...args: unknown[]) => call(...args),
}))
const { ApiError } = await import('../../src/renderer/src/api')
const PassphraseSettings = (await import('../../src/renderer/src/components/PassphraseSettings.vue')).default

const unlocked = (hasPassphrase: boolean): LockState => ({ state: 'unlocked', reason: null, dataDir: '/home/agent/.config/KYC Desk', minPassphraseLength: 10, hasPassphrase })
const global = { plugins: [i18n] }
const NEW = 'a passphrase for the command line'

async function mounted(hasPassphrase: boolean): Promise<VueWrapper> {
  call.mockResolvedValueOnce(unlocked(hasPassphrase))
  const w = mount(PassphraseSettings, { global, attachTo: document.body })
  await flushPromises()
  expect(call).toHaveBeenCalledWith('keys:state', {})
  return w
}
const field = (w: VueWrapper, id: string) => w.find(`[data-testid=${id}]`)
const value = (w: VueWrapper, id: string) => (field(w, id).element as HTMLInputElement).value

describe('Settings ▸ passphrase for the command line and other computers', () => {
  beforeEach(() => {
    setUiLocale('en')
    call.mockReset()
  })

  it('no passphrase yet: says why, checks length and confirmation before asking main, then adds it', async () => {
    const w = await mounted(false)
    expect(w.find('h2').text()).toBe('Passphrase for the command line and other computers')
    expect(w.text()).toContain('The system keychain works only for KYC Desk on this computer.')
    expect(field(w, 'passphrase-state').text()).toBe('This data folder has no passphrase yet.')
    expect(field(w, 'passphrase-current').exists()).toBe(false)
    expect(field(w, 'passphrase-submit').text()).toBe('Add passphrase')
    // Every field has a visible label around it (reachable and named for screen readers).
    for (const id of ['passphrase-new', 'passphrase-confirm']) {
      const label = field(w, id).element.closest('label')
      expect(label?.textContent?.trim().length).toBeGreaterThan(0)
      expect(field(w, id).attributes('type')).toBe('password')
    }

    await field(w, 'passphrase-new').setValue('too short')
    await field(w, 'passphrase-confirm').setValue('too short')
    await w.find('form').trigger('submit')
    expect(field(w, 'passphrase-error').text()).toBe('The passphrase needs at least 10 characters.')
    await field(w, 'passphrase-new').setValue(NEW)
    await w.find('form').trigger('submit')
    expect(field(w, 'passphrase-error').text()).toBe('The two passphrases differ.')
    expect(call).toHaveBeenCalledTimes(1)

    call.mockResolvedValueOnce(unlocked(true))
    await field(w, 'passphrase-confirm').setValue(NEW)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('keys:set-passphrase', { passphrase: NEW })
    expect(field(w, 'passphrase-error').exists()).toBe(false)
    expect(field(w, 'passphrase-done').text()).toContain('Passphrase added.')
    expect(field(w, 'passphrase-done').attributes('role')).toBe('status')
    // Nothing typed stays in the page; the form now changes the passphrase it has.
    expect(value(w, 'passphrase-new')).toBe('')
    expect(value(w, 'passphrase-confirm')).toBe('')
    expect(field(w, 'passphrase-current').exists()).toBe(true)
    expect(field(w, 'passphrase-submit').text()).toBe('Change passphrase')
    w.unmount()
  })

  it('changing it: the current one is required, a wrong one is said plainly and the fields are cleared', async () => {
    const w = await mounted(true)
    expect(field(w, 'passphrase-state').text()).toContain('This data folder has a passphrase.')
    expect(field(w, 'passphrase-current').attributes('autocomplete')).toBe('current-password')
    await field(w, 'passphrase-new').setValue(NEW)
    await field(w, 'passphrase-confirm').setValue(NEW)
    await w.find('form').trigger('submit')
    expect(field(w, 'passphrase-error').text()).toBe('Enter the current passphrase to change it.')
    expect(call).toHaveBeenCalledTimes(1)

    call.mockRejectedValueOnce(new ApiError({ code: 'LOCKED', message: 'The current passphrase is not right: nothing was changed.' }))
    await field(w, 'passphrase-current').setValue('not the current one')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('keys:set-passphrase', { passphrase: NEW, current: 'not the current one' })
    expect(field(w, 'passphrase-error').text()).toBe('The current passphrase is not right. Nothing was changed.')
    expect(field(w, 'passphrase-done').exists()).toBe(false)
    for (const id of ['passphrase-current', 'passphrase-new', 'passphrase-confirm']) expect(value(w, id)).toBe('')

    // Another refusal from main is shown as main words it.
    call.mockRejectedValueOnce(new ApiError({ code: 'BAD_INPUT', message: 'The new passphrase is the same as the current one.' }))
    await field(w, 'passphrase-current').setValue(NEW)
    await field(w, 'passphrase-new').setValue(NEW)
    await field(w, 'passphrase-confirm').setValue(NEW)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(field(w, 'passphrase-error').text()).toBe('The new passphrase is the same as the current one.')

    call.mockResolvedValueOnce(unlocked(true))
    await field(w, 'passphrase-current').setValue('the current passphrase')
    await field(w, 'passphrase-new').setValue(NEW)
    await field(w, 'passphrase-confirm').setValue(NEW)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('keys:set-passphrase', { passphrase: NEW, current: 'the current passphrase' })
    expect(field(w, 'passphrase-done').text()).toContain('only the new one opens this data folder')
    expect(field(w, 'passphrase-error').exists()).toBe(false)
    w.unmount()
  })

  it('is translated', async () => {
    setUiLocale('zh-CN')
    const w = await mounted(true)
    expect(w.find('h2').text()).toBe('用于命令行和其他电脑的密码短语')
    expect(field(w, 'passphrase-submit').text()).toBe('更改密码短语')
    w.unmount()
  })
})
