import type { Db } from '../connection'
import type { FaceObservation } from '../../../shared/domain/case'

export function replaceFaceObservations(db: Db, attemptPk: number, faces: readonly FaceObservation[]): void {
  db.prepare('DELETE FROM face_observations WHERE attempt_pk = ?').run(attemptPk)
  const insert = db.prepare(
    'INSERT INTO face_observations (attempt_pk, file, role, face_index, box, score, pose, crop_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  for (const f of faces) {
    insert.run(attemptPk, f.file, f.role, f.index, JSON.stringify(f.box), f.score, f.pose ? JSON.stringify(f.pose) : null, f.cropSha256)
  }
}

export function listFaceObservations(db: Db, attemptPk: number): FaceObservation[] {
  const rows = db.prepare('SELECT * FROM face_observations WHERE attempt_pk = ? ORDER BY role, file, face_index').all(attemptPk) as {
    file: string; role: 'document' | 'selfie'; face_index: number; box: string; score: number; pose: string | null; crop_sha256: string | null
  }[]
  return rows.map((r) => ({
    file: r.file,
    role: r.role,
    index: r.face_index,
    box: JSON.parse(r.box),
    score: r.score,
    pose: r.pose ? JSON.parse(r.pose) : null,
    cropSha256: r.crop_sha256,
  }))
}
