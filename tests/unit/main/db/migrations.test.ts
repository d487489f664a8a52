import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3-multiple-ciphers'
import * as sqliteVec from 'sqlite-vec'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyKey, DatabaseTooNewError, openDatabase } from '../../../../src/main/db/connection'
import { freshKeys } from '../../../helpers/keys'
import { LATEST_VERSION } from '../../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../../src/main/db/migrations'
import { insertCase, listQueue as listResolved, resolveQueueQuery, setCaseCauses } from '../../../../src/main/db/queries/cases'
import type { QueueQuery } from '../../../../src/shared/domain/case'

const listQueue = (db: Parameters<typeof listResolved>[0], q: QueueQuery) => listResolved(db, resolveQueueQuery(q, () => 'agent'))
import { nearestFaces, putFaceEmbedding } from '../../../../src/main/db/queries/cross-case'

const KEY = freshKeys().database
const dirs: string[] = []
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-db-'))
  dirs.push(dir)
  return join(dir, 'test.sqlite')
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migrations', () => {
  it('numbers migrations 1..n and brings a new database to the latest version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    const db = openDatabase(tempFile(), KEY)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('every migration step applies on the previous version alone (0001 on an empty file)', () => {
    const file = tempFile()
    const raw = new Database(file)
    applyKey(raw, KEY)
    sqliteVec.load(raw)
    for (const m of MIGRATIONS) {
      raw.transaction(() => {
        m.up(raw)
        raw.pragma(`user_version = ${m.version}`)
      })()
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    }
    raw.close()
    // Re-opening an up-to-date database changes nothing.
    const db = openDatabase(file, KEY)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    db.close()
  })

  it('creates STRICT tables with the expected names', () => {
    const db = openDatabase(tempFile(), KEY)
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'case_search%' AND name NOT LIKE 'face_embeddings%' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[]
    const names = tables.map((t) => t.name).sort()
    expect(names).toEqual(expect.arrayContaining(['artifacts', 'attempt_files', 'attempts', 'audit_events', 'case_causes', 'cases', 'decisions', 'findings', 'outbox', 'quarantine', 'templates']))
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/)
    db.close()
  })

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = tempFile()
    const raw = new Database(file)
    raw.exec('CREATE TABLE future (x TEXT)')
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file, KEY)).toThrow(DatabaseTooNewError)
    expect(() => openDatabase(file, KEY)).toThrow(/newer version of KYC Desk/)
    expect(readFileSync(file).equals(before)).toBe(true)

    // The same for an encrypted one: the version is read with the key, on a read-only handle.
    const encrypted = tempFile()
    const keyed = new Database(encrypted)
    applyKey(keyed, KEY)
    keyed.exec('CREATE TABLE future (x TEXT)')
    keyed.pragma(`user_version = ${LATEST_VERSION + 1}`)
    keyed.close()
    const sealed = readFileSync(encrypted)
    expect(() => openDatabase(encrypted, KEY)).toThrow(DatabaseTooNewError)
    expect(readFileSync(encrypted).equals(sealed)).toBe(true)
  })

  it('finds the nearest stored face descriptors with sqlite-vec', () => {
    const db = openDatabase(tempFile(), KEY)
    const vec = (seed: number) => Float32Array.from({ length: 128 }, (_, i) => Math.sin(seed * 100 + i))
    for (let i = 1; i <= 20; i++) putFaceEmbedding(db, i, vec(i), { accountId: `u${i}`, caseId: `C-${i}`, attempt: 1, dateOfBirth: '1990-01-01', nameKey: 'A B', submittedAt: '2026-01-01T00:00:00.000Z' })
    const near = nearestFaces(db, vec(7), 3)
    expect(near[0]).toMatchObject({ attemptPk: 7, accountId: 'u7', caseId: 'C-7', attempt: 1 })
    expect(near[0].distance).toBeCloseTo(0, 5)
    putFaceEmbedding(db, 7, vec(8), { accountId: 'u7', caseId: 'C-7', attempt: 2, dateOfBirth: '1990-01-01', nameKey: 'A B', submittedAt: '2026-01-01T00:00:00.000Z' })
    expect(nearestFaces(db, vec(8), 2).map((r) => r.attemptPk).sort()).toEqual([7, 8])
    db.close()
  })

  it('keeps the audit log append-only', () => {
    const db = openDatabase(tempFile(), KEY)
    db.prepare("INSERT INTO audit_events (at, agent, action) VALUES ('2026-01-01', 'a', 'x')").run()
    expect(() => db.prepare("UPDATE audit_events SET agent = 'b'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/)
    db.close()
  })

  it('refuses a corrupt file with an error instead of replacing it', () => {
    const file = tempFile()
    writeFileSync(file, 'this is not a database, but it is somebody’s file')
    expect(() => openDatabase(file, KEY)).toThrow()
    expect(readFileSync(file, 'utf8')).toMatch(/somebody/)
  })
})

describe('queue queries use indexes', () => {
  function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n')
  }

  it('first page by age, filtered by status and cause, and full-text search', () => {
    const db = openDatabase(tempFile(), KEY)
    const now = new Date().toISOString()
    for (let i = 0; i < 50; i++) {
      const id = insertCase(db, {
        caseId: `C-${i}`, accountId: `u${i}`, email: `p${i}@example.com`, customerName: `Person ${i}`, nativeName: null,
        country: 'DEU', documentType: 'PASSPORT', documentNumber: `N${i}`, locale: 'en', status: i % 2 ? 'new' : 'pending',
        latestAttempt: 1, submittedAt: new Date(2026, 0, 1 + i).toISOString(),
      }, now)
      setCaseCauses(db, id, 'DOCUMENT_QUALITY', i % 3 ? ['DOCUMENT_QUALITY'] : ['FACE_MISMATCH'], 'done', now)
    }
    db.pragma('analysis_limit = 400')
    db.exec('ANALYZE')
    const page = plan(db, "SELECT * FROM cases c WHERE c.status IN ('new') AND EXISTS (SELECT 1 FROM case_causes cc WHERE cc.cause = 'FACE_MISMATCH' AND cc.case_pk = c.id) ORDER BY c.submitted_at LIMIT 100")
    expect(page).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/)
    expect(page).not.toMatch(/SCAN c\b(?! USING)/)
    const search = plan(db, "SELECT * FROM cases c WHERE c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH '\"Person 1\"') ORDER BY c.submitted_at LIMIT 100")
    expect(search).toMatch(/VIRTUAL TABLE INDEX/)
    const found = listQueue(db, { search: 'Person 4', statuses: ['new', 'pending'] })
    expect(found.rows.map((r) => r.caseId).sort()).toEqual(['C-4', 'C-40', 'C-41', 'C-42', 'C-43', 'C-44', 'C-45', 'C-46', 'C-47', 'C-48', 'C-49'])
    expect(listQueue(db, { causes: ['FACE_MISMATCH'], statuses: ['new'] }).rows.every((r) => r.causes.includes('FACE_MISMATCH'))).toBe(true)
    db.close()
  })
})
