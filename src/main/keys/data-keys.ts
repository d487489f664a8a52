import { hkdfSync, randomBytes } from 'node:crypto'
import { inspect } from 'node:util'

/** Length of the data key and of every key derived from it (AES-256, HMAC-SHA256, SQLCipher). */
export const KEY_BYTES = 32

/** The keys the artifact store needs: one to encrypt files, another to name them. */
export interface ArtifactKeys {
  readonly encryption: Buffer
  readonly naming: Buffer
}

function derive(dataKey: Buffer, purpose: string): Buffer {
  // The data key is uniformly random, so HKDF needs no secret salt; the label separates versions.
  return Buffer.from(hkdfSync('sha256', dataKey, 'kyc-desk data key v1', `kyc-desk/${purpose}`, KEY_BYTES))
}

/**
 * A data dir's data key (DEK) once unlocked, and the keys derived from it with HKDF-SHA256: one
 * for the database, one to encrypt artifact files and one to name them, so that no key is used
 * for two purposes. Lives in memory only; it refuses to be printed or serialised by accident.
 */
export class UnlockedKeys {
  readonly database: Buffer
  readonly artifacts: ArtifactKeys

  private constructor(
    /** Identifies this data key in keys.json (not secret): rotation changes it. */
    readonly keyId: string,
    private readonly dataKey: Buffer,
  ) {
    if (dataKey.length !== KEY_BYTES) throw new Error(`A data key has ${KEY_BYTES} bytes, not ${dataKey.length}`)
    this.database = derive(dataKey, 'database')
    this.artifacts = { encryption: derive(dataKey, 'artifact-encryption'), naming: derive(dataKey, 'artifact-names') }
  }

  static fromDataKey(keyId: string, dataKey: Buffer): UnlockedKeys {
    return new UnlockedKeys(keyId, Buffer.from(dataKey))
  }

  /** A new random data key (a new data dir, or a rotation). */
  static generate(): UnlockedKeys {
    return new UnlockedKeys(randomBytes(8).toString('hex'), randomBytes(KEY_BYTES))
  }

  /** The raw data key, for wrapping it into a key slot. */
  exportDataKey(): Buffer {
    return Buffer.from(this.dataKey)
  }

  /** The database key as SQLite3 Multiple Ciphers takes a raw key: `x'<64 hex>'`, no KDF. */
  databaseKeyLiteral(): string {
    return `x'${this.database.toString('hex')}'`
  }

  toJSON(): string {
    return `[UnlockedKeys ${this.keyId}]`
  }

  [inspect.custom](): string {
    return this.toJSON()
  }
}
