import { onBeforeUnmount, onMounted } from 'vue'

/** True when the key press belongs to a text field, not to the app's single-key shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable
}

/** A modal dialog owns the keyboard while it is open. */
export function modalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog[open]') !== null
}

/**
 * Single-key shortcuts while the component is mounted. The handler gets only plain presses (no
 * Ctrl/Alt/Meta, not while typing in a field, not under an open dialog) and returns true when it
 * used the key.
 */
export function useShortcuts(handler: (event: KeyboardEvent) => boolean | void): void {
  function onKey(event: KeyboardEvent) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    if (isTypingTarget(event.target) || modalOpen()) return
    if (handler(event) === true) event.preventDefault()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
