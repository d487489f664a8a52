import { join, relative, sep } from 'node:path'
import { readSealed, sealFileTo, writeSealed } from './sealed'

/**
 * Files kept in quarantine (`<data-dir>/quarantine/<folder>/<name>`) are sealed like artifacts
 * (store/sealed.ts) with the artifact encryption key, bound to their path under quarantine/.
 */
export const quarantineLabel = (relativePath: string): string => `quarantine:${relativePath}`

function labelOf(quarantineDir: string, file: string): string {
  return quarantineLabel(relative(quarantineDir, file).split(sep).join('/'))
}

/** Writes into one quarantine folder, sealing everything. */
export class QuarantineWriter {
  constructor(
    private readonly quarantineDir: string,
    private readonly key: Buffer,
  ) {}

  /** Bytes in memory (a case.json, reason.json). */
  async write(folder: string, name: string, bytes: Uint8Array): Promise<void> {
    const file = join(folder, name)
    await writeSealed(this.key, file, bytes, labelOf(this.quarantineDir, file))
  }

  /** A whole file, streamed through the cipher (a rejected zip of up to 256 MiB). */
  async copy(source: string, folder: string, name: string): Promise<void> {
    const file = join(folder, name)
    await sealFileTo(this.key, source, file, labelOf(this.quarantineDir, file))
  }
}

/** A quarantined file's bytes, decrypted in memory. */
export function readQuarantined(quarantineDir: string, key: Buffer, file: string): Promise<Buffer> {
  return readSealed(key, file, labelOf(quarantineDir, file))
}
