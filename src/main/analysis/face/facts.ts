import type { Region } from '../../../shared/domain/finding'
import type { AnalysisContext, BundleFile } from '../types'
import { assessFace, significantFaces, type CaptureIssue } from './capture-checks'
import { inspectFaces, type FaceImage, type FaceObservation, type HeadPose } from './detect'
import { detectOptions, faceCaptureSettings } from './face-settings'

export type FaceImageFact =
  | { ok: true; image: FaceImage }
  | { ok: false; reason: 'missing' | 'unreadable'; error?: string }

/** The faces of one bundle file, computed once per case and shared by every analyser. */
export function getFaceImage(ctx: AnalysisContext, file: BundleFile): Promise<FaceImageFact> {
  return ctx.fact(`faces:${file.name}`, async (): Promise<FaceImageFact> => {
    if (!file.bytes || file.bytes.length === 0) return { ok: false, reason: 'missing' }
    try {
      return { ok: true, image: await inspectFaces(file.bytes, detectOptions(faceCaptureSettings(ctx.settings))) }
    } catch (e) {
      return { ok: false, reason: 'unreadable', error: e instanceof Error ? e.message : String(e) }
    }
  })
}

export interface SelfieFace {
  file: string
  image: FaceImage
  face: FaceObservation
  /** Photographic problems of this face; blockers make it unusable for comparison. */
  issues: CaptureIssue[]
  /** More than one significant face in that selfie. */
  crowded: boolean
  usable: boolean
}

/**
 * The selfie face to compare: the main (largest) face of each selfie, preferring faces with no
 * blocking capture problem and, among those, the largest. Null when no selfie shows a face.
 */
export function bestSelfieFace(ctx: AnalysisContext): Promise<SelfieFace | null> {
  return ctx.fact('faces:best-selfie', async () => {
    const s = faceCaptureSettings(ctx.settings)
    const candidates: SelfieFace[] = []
    for (const file of ctx.files.filter((f) => f.role === 'selfie')) {
      const fact = await getFaceImage(ctx, file)
      if (!fact.ok || fact.image.faces.length === 0) continue
      const face = fact.image.faces[0]
      const issues = assessFace(face, fact.image, s)
      const crowded = significantFaces(fact.image, s).length > 1
      candidates.push({ file: file.name, image: fact.image, face, issues, crowded, usable: !issues.some((i) => i.severity === 'blocker') })
    }
    candidates.sort((a, b) => Number(b.usable) - Number(a.usable) || Number(a.crowded) - Number(b.crowded) || b.face.faceSizePx - a.face.faceSizePx)
    return candidates[0] ?? null
  })
}

/** The best usable selfie face's descriptor (face-api, 128-d), or null when there is none: never a guess from a dark or blurred face. */
export async function getSelfieEmbedding(ctx: AnalysisContext): Promise<Float32Array | null> {
  const best = await bestSelfieFace(ctx)
  return best?.usable ? best.face.descriptor : null
}

export interface DocumentPortrait {
  file: string
  image: FaceImage
  face: FaceObservation
}

/** Documents a portrait is looked for on: front or single sides, or every document when none is marked so. */
export function portraitDocuments(ctx: AnalysisContext): BundleFile[] {
  const documents = ctx.files.filter((f) => f.role === 'document')
  const fronts = documents.filter((f) => f.side === 'front' || f.side === 'single' || f.side === undefined)
  return fronts.length ? fronts : documents
}

/**
 * The holder's portrait: the largest face on the front/single document images (the small
 * "ghost" copy some documents carry is smaller and loses).
 */
export function documentPortrait(ctx: AnalysisContext): Promise<DocumentPortrait | null> {
  return ctx.fact('faces:document-portrait', async () => {
    let best: DocumentPortrait | null = null
    for (const file of portraitDocuments(ctx)) {
      const fact = await getFaceImage(ctx, file)
      if (!fact.ok) continue
      const face = fact.image.faces[0]
      if (face && (!best || face.faceSizePx > best.face.faceSizePx)) best = { file: file.name, image: fact.image, face }
    }
    return best
  })
}

export interface FaceArtifact {
  file: string
  role: 'document' | 'selfie'
  faces: Array<{ box: Region; score: number; pose?: HeadPose; crop: Buffer }>
}

/** Every face found on the case's documents and selfies, with its aligned PNG crop (for the side-by-side view). */
export async function collectFaceArtifacts(ctx: AnalysisContext): Promise<FaceArtifact[]> {
  const out: FaceArtifact[] = []
  for (const file of ctx.files) {
    const fact = await getFaceImage(ctx, file)
    if (!fact.ok) continue
    out.push({
      file: file.name,
      role: file.role,
      faces: fact.image.faces.map((f) => ({ box: f.region, score: f.score, ...(f.pose ? { pose: f.pose } : {}), crop: f.crop })),
    })
  }
  return out
}
