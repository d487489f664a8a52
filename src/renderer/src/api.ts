import type { Channel } from '../../shared/channels'
import type { Input, Output } from '../../shared/contract'
import type { AppErrorShape } from '../../shared/result'

/** A failed contract call, with the stable code main gave it. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code']
  constructor(error: AppErrorShape) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
  }
}

/** The only module that touches window.kyc. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const fn = window.kyc[channel] as unknown as (i: Input<C>) => Promise<{ ok: true; value: Output<C> } | { ok: false; error: AppErrorShape }>
  const result = await fn(input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export function artifactUrl(sha256: string): string {
  return `${window.kyc.artifactBase}${sha256}`
}

/** Local paths of dropped files (Electron); empty where the host cannot tell them (web host). */
export function pathsOfDroppedFiles(files: FileList | File[]): string[] {
  return [...files].map((f) => window.kyc.pathForFile(f)).filter((p) => p.length > 0)
}

/** Commands from the application menu (File ▸ Import…). */
export function onMenuCommand(handler: (command: string) => void): void {
  window.kyc.onMenuCommand(handler)
}
