import { CHANNELS, type Channel } from '../../shared/channels'
import type { LockState } from '../../shared/contract-keys'
import { AppError } from '../../shared/result'
import { changePassphrase, hasPassphraseSlot } from '../keys/change-keys'
import { UnlockedKeys } from '../keys/data-keys'
import { CannotUnlockError } from '../keys/errors'
import {
  MIN_PASSPHRASE_LENGTH, keyringPath, newKeyring, passphraseSlot, readKeyring, safeStorageSlot, unlockWithPassphrase, unlockWithProtector, unlockWithUserKey,
  writeKeyring, type KeyProtector,
} from '../keys/keyring'
import { encryptLegacyDataDir, inspectDataDir } from '../keys/unlock'
import type { UserKeyDir } from '../keys/user-key'
import type { AppServices } from './app-services'
import type { AuditService } from './audit-service'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'

export const unlockedState = (dataDir: string): LockState => ({
  state: 'unlocked',
  reason: null,
  dataDir,
  minPassphraseLength: MIN_PASSPHRASE_LENGTH,
  hasPassphrase: hasPassphraseSlot(readKeyring(keyringPath(dataDir))),
})

/** One attempt at a time: each costs a scrypt (128 MiB), which also slows guessing. */
function serialiser(): <T>(run: () => Promise<T>) => Promise<T> {
  let attempt: Promise<unknown> = Promise.resolve()
  return (run) => {
    const next = attempt.then(run, run)
    attempt = next.catch(() => undefined)
    return next
  }
}

export interface UnlockedKeyOptions {
  /** The keys the services were opened with. */
  keys: UnlockedKeys
  userKeys: UserKeyDir
  audit: AuditService
}

/**
 * The channels the unlocked services answer for the gate (keys:* while already open), and
 * keys:set-passphrase, which only they answer: Settings adds or changes the passphrase that lets
 * the command line and another computer open a data dir the app keeps in the system keychain.
 */
export function unlockedKeyHandlers(dataDir: string, options: UnlockedKeyOptions): Pick<Handlers, 'keys:state' | 'keys:unlock' | 'keys:create' | 'keys:set-passphrase'> {
  const serialised = serialiser()
  return {
    'keys:state': () => unlockedState(dataDir),
    'keys:unlock': () => unlockedState(dataDir),
    'keys:create': () => {
      throw new AppError('CONFLICT', 'This data dir already has its key.')
    },
    'keys:set-passphrase': (input) => serialised(async () => {
      const { keyring, replaced } = await changePassphrase(dataDir, options.keys, input, options.userKeys)
      // Which slots there are now, never a secret: the passphrase lives only in keys.json's scrypt slot.
      options.audit.record('keys.passphrase_set', options.audit.agent(), null, { change: replaced ? 'replaced' : 'added', slots: keyring.slots.map((s) => s.kind) })
      return unlockedState(dataDir)
    }),
  }
}

export interface UnlockGateOptions {
  dataDir: string
  userKeys: UserKeyDir
  /** The system keychain (Electron safeStorage), when there is a real one (not `basic_text`). */
  protector?: KeyProtector
  /** The native addon built for Electron (the legacy encryption opens the database itself). */
  nativeBinding?: string
  /** Opens the services once the keys are known. */
  open: (keys: UnlockedKeys) => Promise<AppServices>
  log?: (message: string, error?: unknown) => void
}

/**
 * Stands in front of the services of an encrypted data dir (the app; the web host with
 * --ask-passphrase). It unlocks by itself when it can (the system keychain, this user's key
 * file); otherwise the renderer's unlock screen sends the passphrase through `keys:unlock` (or
 * `keys:create` for a new data dir). Until then every other channel answers LOCKED and nothing
 * of the data dir is open.
 */
export class UnlockGate {
  private services: AppServices | undefined
  private readonly serialised = serialiser()
  readonly dispatch: Dispatch

  constructor(private readonly options: UnlockGateOptions) {
    const locked: Partial<Handlers> = {}
    for (const channel of CHANNELS) {
      locked[channel] = () => {
        throw new AppError('LOCKED', 'KYC Desk is locked: unlock it first.')
      }
    }
    const lockedDispatch = createDispatch({
      ...(locked as Handlers),
      'keys:state': () => this.state(),
      'keys:unlock': (input) => this.serialised(() => this.unlock(input.passphrase)),
      'keys:create': (input) => this.serialised(() => this.create(input.passphrase)),
    }, (channel, error) => this.options.log?.(`Unexpected failure in ${channel} (locked)`, error))
    this.dispatch = (channel, raw) => (this.services ? this.services.dispatch(channel, raw) : lockedDispatch(channel as Channel, raw))
  }

  get opened(): AppServices | undefined {
    return this.services
  }

  state(): LockState {
    if (this.services) return unlockedState(this.options.dataDir)
    const { keyring } = inspectDataDir(this.options.dataDir, this.options.userKeys)
    return {
      state: keyring ? 'locked' : 'create',
      reason: this.options.protector ? 'passphrase' : 'no-keychain',
      dataDir: this.options.dataDir,
      minPassphraseLength: MIN_PASSPHRASE_LENGTH,
      hasPassphrase: hasPassphraseSlot(keyring),
    }
  }

  /**
   * Unlocks without asking when the data dir allows it: a new one gets a key kept in the system
   * keychain (only when there is one); an existing one opens with its keychain slot or this
   * user's key file. Returns whether the services are open.
   */
  async tryAutomatic(): Promise<boolean> {
    const { keyring } = inspectDataDir(this.options.dataDir, this.options.userKeys)
    const { protector } = this.options
    if (!keyring) {
      if (!protector) return false
      const keys = UnlockedKeys.generate()
      writeKeyring(keyringPath(this.options.dataDir), newKeyring(keys, [await safeStorageSlot(keys, protector)]))
      await this.unlockWith(keys)
      return true
    }
    const opened = (protector ? await unlockWithProtector(keyring, protector) : undefined) ?? unlockWithUserKey(keyring, this.options.userKeys)
    if (!opened) return false
    await this.unlockWith(opened.keys)
    return true
  }

  private async unlock(passphrase: string): Promise<LockState> {
    if (this.services) return unlockedState(this.options.dataDir)
    const { keyring } = inspectDataDir(this.options.dataDir, this.options.userKeys)
    if (!keyring) throw new AppError('CONFLICT', 'This data dir has no key yet: create a passphrase for it.')
    if (!keyring.slots.some((s) => s.kind === 'passphrase')) {
      throw new AppError('LOCKED', `${this.options.dataDir} has no passphrase; it opens with the key it was created with.`)
    }
    const opened = await unlockWithPassphrase(keyring, passphrase)
    if (!opened) throw new CannotUnlockError(this.options.dataDir)
    await this.unlockWith(opened.keys)
    return unlockedState(this.options.dataDir)
  }

  private async create(passphrase: string): Promise<LockState> {
    if (this.services) throw new AppError('CONFLICT', 'This data dir already has its key.')
    const { keyring } = inspectDataDir(this.options.dataDir, this.options.userKeys)
    if (keyring) throw new AppError('CONFLICT', 'This data dir already has a key: unlock it with its passphrase.')
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new AppError('BAD_INPUT', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`)
    const keys = UnlockedKeys.generate()
    writeKeyring(keyringPath(this.options.dataDir), newKeyring(keys, [await passphraseSlot(keys, passphrase)]))
    await this.unlockWith(keys)
    return unlockedState(this.options.dataDir)
  }

  /** Opens the services with keys unlocked elsewhere (the web host from KYC_DESK_KEY). */
  async unlockWith(keys: UnlockedKeys): Promise<void> {
    await encryptLegacyDataDir(this.options.dataDir, keys, { userKeys: this.options.userKeys, nativeBinding: this.options.nativeBinding, notice: (line) => this.options.log?.(line) })
    this.services = await this.options.open(keys)
  }
}
