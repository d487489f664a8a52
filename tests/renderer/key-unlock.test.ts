import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n, setUiLocale } from '../../src/renderer/src/i18n'
import type { LockState } from '../../src/shared/contract-keys'

const call = vi.fn()
vi.mock('../../src/renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/renderer/src/api')>()),
  call: (...args: unknown[]) => call(...args),
}))
const { ApiError } = await import('../../src/renderer/src/api')
const KeyUnlockView = (await import('../../src/renderer/src/views/KeyUnlockView.vue')).default

const state = (s: LockState['state'], reason: LockState['reason'] = 'no-keychain'): LockState => ({ state: s, reason, dataDir: '/home/agent/.config/KYC Desk', minPassphraseLength: 10, hasPassphrase: s === 'locked' })
const global = { plugins: [i18n] }

describe('the unlock screen', () => {
  beforeEach(() => {
    setUiLocale('en')
    call.mockReset()
  })

  it('a new desk without a keychain: says why, checks length and confirmation before asking main', async () => {
    const w = mount(KeyUnlockView, { props: { initial: state('create') }, global })
    expect(w.find('[data-testid=vault-why]').text()).toContain('no system keychain')
    await w.find('[data-testid=vault-passphrase]').setValue('short')
    await w.find('[data-testid=vault-confirm]').setValue('short')
    await w.find('form').trigger('submit')
    expect(w.find('[data-testid=vault-error]').text()).toBe('The passphrase needs at least 10 characters.')
    await w.find('[data-testid=vault-passphrase]').setValue('long enough passphrase')
    await w.find('form').trigger('submit')
    expect(w.find('[data-testid=vault-error]').text()).toBe('The two passphrases differ.')
    expect(call).not.toHaveBeenCalled()
    call.mockResolvedValue(state('unlocked', null))
    await w.find('[data-testid=vault-confirm]').setValue('long enough passphrase')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(call).toHaveBeenCalledWith('keys:create', { passphrase: 'long enough passphrase' })
    expect(w.emitted('unlocked')).toHaveLength(1)
  })

  it('a locked desk: a wrong passphrase is said plainly and cleared; the right one unlocks', async () => {
    const w = mount(KeyUnlockView, { props: { initial: state('locked', 'passphrase') }, global })
    expect(w.find('[data-testid=vault-confirm]').exists()).toBe(false)
    expect(w.find('[data-testid=vault-why]').text()).toBe('This desk’s case data is locked with a passphrase.')
    call.mockRejectedValueOnce(new ApiError({ code: 'LOCKED', message: 'cannot unlock the case database in …: wrong key or passphrase' }))
    await w.find('[data-testid=vault-passphrase]').setValue('a wrong one')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=vault-error]').text()).toBe('That passphrase does not unlock this desk.')
    expect((w.find('[data-testid=vault-passphrase]').element as HTMLInputElement).value).toBe('')
    expect(w.emitted('unlocked')).toBeUndefined()
    call.mockResolvedValueOnce(state('unlocked', null))
    await w.find('[data-testid=vault-passphrase]').setValue('the right one')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('keys:unlock', { passphrase: 'the right one' })
    expect(w.emitted('unlocked')).toHaveLength(1)
  })
})
