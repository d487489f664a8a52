import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open as openFile, readFile, rm } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * The sealed file format of every file under the data dir that holds customer data (artifacts,
 * quarantined bundles): AES-256-GCM, a random 96-bit nonce per file.
 *
 *   "KYCS" (4) | version 1 (1) | nonce (12) | ciphertext | GCM tag (16)
 *
 * The tag goes last so that a large file (a quarantined zip) can be sealed as a stream. The
 * header and a label naming what the file is (the artifact's sha256, a quarantine path) are
 * authenticated as associated data: a file moved under another name does not open.
 */
export const SEALED_MAGIC = Buffer.from('KYCS', 'ascii')
export const SEALED_VERSION = 1
const NONCE_BYTES = 12
const TAG_BYTES = 16
export const SEALED_HEADER_BYTES = SEALED_MAGIC.length + 1 + NONCE_BYTES
export const SEALED_OVERHEAD = SEALED_HEADER_BYTES + TAG_BYTES

export class SealedFileError extends Error {
  constructor(what: string, reason: string) {
    super(`${what} cannot be decrypted: ${reason}`)
    this.name = 'SealedFileError'
  }
}

function header(nonce: Buffer): Buffer {
  return Buffer.concat([SEALED_MAGIC, Buffer.from([SEALED_VERSION]), nonce])
}

function cipherFor(key: Buffer, nonce: Buffer, label: string, head: Buffer) {
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.concat([head, Buffer.from(label, 'utf8')]))
  return cipher
}

/** Whether bytes start like a sealed file (not a proof: only opening it is). */
export function looksSealed(bytes: Uint8Array): boolean {
  return bytes.length >= SEALED_OVERHEAD && Buffer.from(bytes.subarray(0, SEALED_MAGIC.length)).equals(SEALED_MAGIC)
}

export function seal(key: Buffer, plaintext: Uint8Array, label: string): Buffer {
  const head = header(randomBytes(NONCE_BYTES))
  const cipher = cipherFor(key, head.subarray(SEALED_MAGIC.length + 1), label, head)
  const body = cipher.update(plaintext)
  cipher.final()
  return Buffer.concat([head, body, cipher.getAuthTag()])
}

/** Decrypts in memory; throws SealedFileError when the key, the label or a byte is wrong. */
export function unseal(key: Buffer, sealed: Uint8Array, label: string, what = 'a file'): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  if (!looksSealed(bytes)) throw new SealedFileError(what, 'it is not an encrypted KYC Desk file')
  if (bytes[SEALED_MAGIC.length] !== SEALED_VERSION) throw new SealedFileError(what, `unknown format version ${bytes[SEALED_MAGIC.length]}`)
  const head = bytes.subarray(0, SEALED_HEADER_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(SEALED_MAGIC.length + 1))
  decipher.setAAD(Buffer.concat([head, Buffer.from(label, 'utf8')]))
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  const body = decipher.update(bytes.subarray(SEALED_HEADER_BYTES, bytes.length - TAG_BYTES))
  try {
    decipher.final()
  } catch {
    throw new SealedFileError(what, 'wrong key, or the file was changed or moved')
  }
  return body
}

export async function readSealed(key: Buffer, file: string, label: string, what = file): Promise<Buffer> {
  return unseal(key, await readFile(file), label, what)
}

/**
 * Seals a file of any size as a stream into `target` (created, never overwritten): the plaintext
 * is never held whole in memory, nor written anywhere but through the cipher.
 */
export async function sealFileTo(key: Buffer, source: string, target: string, label: string): Promise<void> {
  const head = header(randomBytes(NONCE_BYTES))
  const cipher = cipherFor(key, head.subarray(SEALED_MAGIC.length + 1), label, head)
  let headWritten = false
  const framed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!headWritten) {
        headWritten = true
        this.push(head)
      }
      done(null, cipher.update(chunk))
    },
    flush(done) {
      if (!headWritten) this.push(head)
      cipher.final()
      done(null, cipher.getAuthTag())
    },
  })
  await pipeline(createReadStream(source), framed, createWriteStream(target, { flags: 'wx', mode: 0o600 }))
}

/** Seals bytes into a new file (never overwriting one); `sync` flushes it to disk before returning. */
export async function writeSealed(key: Buffer, target: string, plaintext: Uint8Array, label: string, options: { sync?: boolean } = {}): Promise<void> {
  const handle = await openFile(target, 'wx', 0o600)
  try {
    await handle.writeFile(seal(key, plaintext, label))
    if (options.sync) await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Re-encrypts a sealed file under another key as a stream (a key rotation): the plaintext only
 * passes through memory between the two ciphers. `target` is removed if the source does not
 * authenticate.
 */
export async function resealFile(fromKey: Buffer, toKey: Buffer, source: string, target: string, fromLabel: string, toLabel = fromLabel): Promise<void> {
  const handle = await openFile(source, 'r')
  let head: Buffer
  let tag: Buffer
  let size: number
  try {
    size = (await handle.stat()).size
    head = Buffer.alloc(SEALED_HEADER_BYTES)
    tag = Buffer.alloc(TAG_BYTES)
    if (size < SEALED_OVERHEAD) throw new SealedFileError(source, 'it is too short to be an encrypted KYC Desk file')
    await handle.read(head, 0, head.length, 0)
    await handle.read(tag, 0, tag.length, size - TAG_BYTES)
  } finally {
    await handle.close()
  }
  if (!looksSealed(Buffer.concat([head, tag])) || head[SEALED_MAGIC.length] !== SEALED_VERSION) {
    throw new SealedFileError(source, 'it is not an encrypted KYC Desk file')
  }
  const decipher = createDecipheriv('aes-256-gcm', fromKey, head.subarray(SEALED_MAGIC.length + 1))
  decipher.setAAD(Buffer.concat([head, Buffer.from(fromLabel, 'utf8')]))
  decipher.setAuthTag(tag)
  const outHead = header(randomBytes(NONCE_BYTES))
  const cipher = cipherFor(toKey, outHead.subarray(SEALED_MAGIC.length + 1), toLabel, outHead)
  let headWritten = false
  const recrypt = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!headWritten) {
        headWritten = true
        this.push(outHead)
      }
      done(null, cipher.update(decipher.update(chunk)))
    },
    flush(done) {
      try {
        decipher.final()
      } catch {
        done(new SealedFileError(source, 'wrong key, or the file was changed or moved'))
        return
      }
      if (!headWritten) this.push(outHead)
      cipher.final()
      done(null, cipher.getAuthTag())
    },
  })
  try {
    const body = size > SEALED_OVERHEAD ? createReadStream(source, { start: SEALED_HEADER_BYTES, end: size - TAG_BYTES - 1 }) : Readable.from([])
    await pipeline(body, recrypt, createWriteStream(target, { flags: 'wx', mode: 0o600 }))
  } catch (error) {
    await rm(target, { force: true })
    throw error
  }
}
