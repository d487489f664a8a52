import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { expectRejected, readOne, scratch, validFiles, writeZip, zipEntries } from './helpers/bundles'

// The real total limit is 8 GiB; a test cannot write that. The rule is the same at 2 MiB.
vi.mock('../../../../src/main/import/limits', async (original) => ({
  ...(await original<typeof import('../../../../src/main/import/limits')>()),
  MAX_ZIP_TOTAL_BYTES: 2 * 1024 * 1024,
}))

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = scratch()))
afterEach(() => cleanup())

it('rejects a zip whose entries together declare more than the total limit, each one modest', async () => {
  // Three incompressible 1 MiB entries: no ratio alarm, no per-entry alarm, 3 MiB together.
  const extras = [1, 2, 3].map((i) => ({ name: `video-${i}.bin`, data: randomBytes(1024 * 1024) }))
  const result = expectRejected(await readOne(writeZip(join(dir, 'big.zip'), [...zipEntries(validFiles()), ...extras])))
  expect(result.errors).toEqual([expect.objectContaining({ rule: 'zip-bomb', file: 'big.zip' })])
  expect(result.errors[0].message).toMatch(/^The entries declare 3 MiB uncompressed together; at most 2 MiB per zip are accepted/)
})

it('reads the same zip without the extras', async () => {
  expect((await readOne(writeZip(join(dir, 'ok.zip'), zipEntries(validFiles())))).ok).toBe(true)
})
