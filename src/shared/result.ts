/**
 * What every contract call returns. Errors thrown across Electron IPC lose everything but their
 * message, so failures travel as data with a stable code the renderer can act on.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  /** The data dir is encrypted and not unlocked (or the key given does not open it). */
  | 'LOCKED'
  | 'INTERNAL'

export interface AppErrorShape {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** An error a service throws on purpose: its code and message reach the renderer as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
