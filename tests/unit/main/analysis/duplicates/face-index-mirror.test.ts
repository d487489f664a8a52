import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, openReadOnly, type Db } from '../../../../../src/main/db/connection'
import { deleteFaceEmbedding, putFaceEmbedding } from '../../../../../src/main/db/queries/cross-case'
import { openCrossCaseLookup } from '../../../../../src/main/analysis/cross-case'
import { FaceIndexMirror } from '../../../../../src/main/analysis/face-index-mirror'
import { freshKeys } from '../../../../helpers/keys'

const KEY = freshKeys().database
const closers: (() => void)[] = []
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close()
})

/** A unit vector along one axis: distinct faces are √2 apart, the same face 0. */
const face = (axis: number) => Float32Array.from({ length: 128 }, (_, i) => (i === axis ? 1 : 0))
const owner = (n: number, submittedAt = '2026-01-01T00:00:00.000Z') => ({ accountId: `u${n}`, caseId: `C-${n}`, attempt: 1, dateOfBirth: '1990-01-01', nameKey: 'A B', submittedAt })

function database(): { writer: Db; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-mirror-'))
  const file = join(dir, 'kyc-desk.sqlite')
  const writer = openDatabase(file, KEY)
  closers.push(() => rmSync(dir, { recursive: true, force: true }), () => writer.close())
  return { writer, file }
}
const put = (db: Db, pk: number, axis: number) => db.transaction(() => putFaceEmbedding(db, pk, face(axis), owner(pk)))()

describe("a worker's in-memory copy of the face descriptors", () => {
  it('sees what the main process commits after it was loaded: new, replaced and deleted descriptors', async () => {
    const { writer, file } = database()
    for (let pk = 1; pk <= 5; pk++) put(writer, pk, pk)
    const { lookup, close } = openCrossCaseLookup(file, KEY)
    closers.push(close)
    const near = (axis: number) => lookup.casesWithSimilarFace(face(axis), 0.1, 'someone-else', '2027-01-01T00:00:00.000Z')

    expect((await near(3)).map((r) => r.caseId)).toEqual(['C-3'])
    put(writer, 6, 40) // a new case, analysed after the worker loaded its copy
    expect((await near(40)).map((r) => r.caseId)).toEqual(['C-6'])
    put(writer, 3, 41) // re-analysed: its descriptor changed
    expect(await near(3)).toEqual([])
    expect((await near(41)).map((r) => r.caseId)).toEqual(['C-3'])
    writer.transaction(() => deleteFaceEmbedding(writer, 6))()
    expect(await near(40)).toEqual([])
  })

  it('re-reads only the attempts that changed since its last look', () => {
    const { writer, file } = database()
    for (let pk = 1; pk <= 30; pk++) put(writer, pk, pk)
    const reader = openReadOnly(file, KEY)
    const mirror = new FaceIndexMirror(reader)
    closers.push(() => reader.close(), () => mirror.close())
    expect(mirror.sync()).toBe(30)
    expect(mirror.sync()).toBe(0)
    put(writer, 7, 70)
    put(writer, 7, 71)
    put(writer, 31, 31)
    expect(mirror.sync()).toBe(2)
  })

  it('starts over when the log is behind what it has seen (another database at the same path)', () => {
    const { writer, file } = database()
    for (let pk = 1; pk <= 3; pk++) put(writer, pk, pk)
    const reader = openReadOnly(file, KEY)
    const mirror = new FaceIndexMirror(reader)
    closers.push(() => reader.close(), () => mirror.close())
    mirror.sync()
    writer.prepare('DELETE FROM face_embedding_changes').run()
    writer.prepare("DELETE FROM sqlite_sequence WHERE name = 'face_embedding_changes'").run()
    put(writer, 1, 9)
    expect(mirror.sync()).toBe(3)
  })
})
