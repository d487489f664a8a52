import { createApp } from 'vue'
import type { LockState } from '../../shared/contract-keys'
import { call } from './api'
import { i18n } from './i18n'
import KeyUnlockView from './views/KeyUnlockView.vue'

/**
 * Encryption at rest: while main has the data dir locked (no system keychain, or a passphrase
 * set), the unlock screen stands in for the whole app; `start` mounts the app once it is open,
 * so no view, store or timer of the app runs against a locked desk.
 */
export async function startWhenUnlocked(selector: string, start: () => void): Promise<void> {
  let state: LockState
  try {
    state = await call('keys:state', {})
  } catch {
    // A main without the channel answers nothing useful: the app shows its own errors.
    start()
    return
  }
  if (state.state === 'unlocked') {
    start()
    return
  }
  const screen = createApp(KeyUnlockView, {
    initial: state,
    onUnlocked: () => {
      screen.unmount()
      start()
    },
  })
  screen.use(i18n).mount(selector)
}
