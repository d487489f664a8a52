import { openInMemory, type Db } from '../db/connection'
import {
  allFaceEmbeddings, copyFaceEmbeddingRows, createFaceEmbeddingsCopy, dropFaceEmbeddingRow, faceChangesSince, getFaceEmbedding, lastFaceChange,
  putFaceEmbeddingRow,
} from '../db/queries/cross-case'

/**
 * A worker's own copy of the stored face descriptors, in an in-memory database, for the
 * nearest-face search. Searching the encrypted file directly was fast only while its decrypted
 * pages stayed cached, and every commit by the main process empties a reader's cache: at 100,000
 * cases each duplicate check then decrypted 51 MB again (about a second). The copy is loaded once
 * and then brought up to date from face_embedding_changes before each search, reading only the
 * attempts that changed. sqlite-vec still does the scan, in C.
 */
export class FaceIndexMirror {
  readonly memory: Db
  private seen = -1

  constructor(private readonly source: Db) {
    this.memory = openInMemory()
    createFaceEmbeddingsCopy(this.memory)
  }

  /** Brings the copy up to the source's latest commit; returns how many attempts it re-read. */
  sync(): number {
    // One read transaction: the change log and the rows are from the same snapshot.
    return this.source.transaction(() => {
      const last = lastFaceChange(this.source)
      if (this.seen >= 0 && last === this.seen) return 0
      let reread = 0
      this.memory.transaction(() => {
        if (this.seen < 0 || last < this.seen) {
          // First use, or a log that went backwards (another database under the same path): start over.
          createFaceEmbeddingsCopy(this.memory)
          reread = copyFaceEmbeddingRows(this.memory, allFaceEmbeddings(this.source))
        } else {
          for (const attemptPk of faceChangesSince(this.source, this.seen)) {
            const row = getFaceEmbedding(this.source, attemptPk)
            if (row) putFaceEmbeddingRow(this.memory, row)
            else dropFaceEmbeddingRow(this.memory, attemptPk)
            reread++
          }
        }
      })()
      this.seen = last
      return reread
    })()
  }

  close(): void {
    this.memory.close()
  }
}
