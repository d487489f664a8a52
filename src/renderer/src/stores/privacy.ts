import { defineStore, type Pinia } from 'pinia'
import { ref } from 'vue'
import { call } from '../api'
import type { DeskPolicy } from '../../../shared/domain/privacy'
import { useCaseDetailStore } from './case-detail'

/** How often the idle time is checked: a lock comes at most this late. */
export const IDLE_CHECK_MS = 5_000
/** Input that counts as the agent being there. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
const LOCK_KEY = 'kyc-desk.locked'

export interface LockState {
  reason: 'idle' | 'manual'
  minutes?: number
}

function savedLock(): LockState | null {
  try {
    const raw = sessionStorage.getItem(LOCK_KEY)
    return raw ? (JSON.parse(raw) as LockState) : null
  } catch {
    return null
  }
}

/**
 * Least exposure in use: the desk policy (idle lock, retention), the window's lock and the case
 * workspace's reveal. A reload keeps the lock (it is in sessionStorage): reloading is not a way
 * around it.
 */
export const usePrivacyStore = defineStore('privacy', () => {
  const policy = ref<DeskPolicy | null>(null)
  const locked = ref<LockState | null>(savedLock())
  let lastActivity = Date.now()

  async function loadPolicy(): Promise<void> {
    policy.value = await call('settings:policy', {})
  }

  async function savePolicy(changes: { idleLockMinutes?: number; retentionDays?: number }): Promise<void> {
    policy.value = await call('settings:policy-save', changes)
  }

  function noteActivity(): void {
    if (!locked.value) lastActivity = Date.now()
  }

  /** Hides everything: the lock screen covers the window and main forgets every reveal. */
  async function lock(reason: 'idle' | 'manual'): Promise<void> {
    if (locked.value) return
    const minutes = reason === 'idle' ? policy.value?.idleLockMinutes.value : undefined
    locked.value = { reason, ...(minutes !== undefined ? { minutes } : {}) }
    sessionStorage.setItem(LOCK_KEY, JSON.stringify(locked.value))
    try {
      await call('session:lock', { reason, ...(minutes !== undefined ? { idleMinutes: minutes } : {}) })
    } catch {
      // The screen is locked either way; main logs why the audit entry failed.
    }
    // Clear values shown before the lock are dropped from memory: the case comes back masked.
    const cases = useCaseDetailStore()
    if (cases.detail && cases.detail.masked === false) await cases.open(cases.detail.row.id)
  }

  async function unlock(): Promise<void> {
    if (!locked.value) return
    try {
      await call('session:unlock', {})
    } finally {
      locked.value = null
      sessionStorage.removeItem(LOCK_KEY)
      lastActivity = Date.now()
    }
  }

  /** Locks when the policy's idle time has passed since the last input (0 = never). */
  function checkIdle(now = Date.now()): void {
    const minutes = policy.value?.idleLockMinutes.value
    if (!minutes || locked.value) return
    if (now - lastActivity >= minutes * 60_000) void lock('idle')
  }

  return { policy, locked, loadPolicy, savePolicy, noteActivity, lock, unlock, checkIdle }
})

/**
 * Watches input for the idle lock, and owns the keyboard while locked. Installed before the app
 * mounts, so its capture listener runs before any other: no shortcut (Ctrl+Enter sends a reply!)
 * reaches the app behind the lock screen; Enter unlocks.
 */
export function installIdleLock(pinia: Pinia): void {
  const privacy = usePrivacyStore(pinia)
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, () => privacy.noteActivity(), { capture: true, passive: true })
  window.addEventListener(
    'keydown',
    (event) => {
      if (!privacy.locked) return
      event.stopImmediatePropagation()
      event.preventDefault()
      if (event.key === 'Enter') void privacy.unlock()
    },
    { capture: true },
  )
  setInterval(() => privacy.checkIdle(), IDLE_CHECK_MS)
  void privacy.loadPolicy().catch(() => undefined)
}
