/**
 * Which web permissions the renderer gets: none, except writing to the clipboard from our own
 * page's main frame. Chromium routes `navigator.clipboard.write*` through the permission handlers
 * as `clipboard-sanitized-write` (the page's "copy reply" and "copy image with watermark" need it);
 * "sanitized" means Chromium re-encodes images and strips markup before they reach the system
 * clipboard, and it still requires a user gesture. Reading the clipboard stays refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export interface PermissionAsk {
  permission: string
  /** The full URL of the frame asking (the check handler may only know the origin). */
  requestingUrl: string | undefined
  /** Subframes never get anything: the renderer has none of its own. */
  isMainFrame: boolean | undefined
}

export function permissionGranted(ask: PermissionAsk, isTrustedFrameUrl: (url: string) => boolean): boolean {
  if (!GRANTED_PERMISSIONS.has(ask.permission)) return false
  if (ask.isMainFrame === false) return false
  return ask.requestingUrl !== undefined && isTrustedFrameUrl(ask.requestingUrl)
}
