import { AppError } from '../../shared/result'

/**
 * The data dir cannot be opened with what was given: a wrong passphrase or KYC_DESK_KEY, a
 * user key file that does not match, or a database that does not decrypt. Nothing was changed.
 */
export class CannotUnlockError extends AppError {
  constructor(dataDir: string, detail?: string) {
    super('LOCKED', `cannot unlock the case database in ${dataDir}: wrong key or passphrase${detail ? ` (${detail})` : ''}`)
    this.name = 'CannotUnlockError'
  }
}

/** Unlocking needs something this run does not have (no passphrase given, no key file, …). */
export class KeyNeededError extends AppError {
  constructor(message: string) {
    super('LOCKED', message)
    this.name = 'KeyNeededError'
  }
}

/** keys.json is missing, unreadable or inconsistent with the data dir. */
export class KeyringError extends AppError {
  constructor(message: string) {
    super('LOCKED', message)
    this.name = 'KeyringError'
  }
}
