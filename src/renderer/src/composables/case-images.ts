import type { AttemptDetail, AttemptFile, CaseDetail } from '../../../shared/domain/case'

const SIDE_ORDER = { front: 0, single: 1, back: 2 } as const

/** The attempt's documents, front before back: the first is the one a case opens on. */
export function documentFiles(attempt: AttemptDetail | null | undefined): AttemptFile[] {
  return [...(attempt?.files.filter((f) => f.role === 'document') ?? [])].sort(
    (a, b) => SIDE_ORDER[a.side ?? 'single'] - SIDE_ORDER[b.side ?? 'single'],
  )
}

export function selfieFiles(attempt: AttemptDetail | null | undefined): AttemptFile[] {
  return attempt?.files.filter((f) => f.role === 'selfie') ?? []
}

/**
 * What the viewer shows for a file: its preview, else the original if it is a usable image;
 * nothing once the retention policy deleted the images.
 */
export function displaySha(file: AttemptFile | null | undefined): string | null {
  if (!file || file.purgedAt) return null
  return file.previewSha256 ?? (file.problem ? null : file.sha256)
}

/** The two images a case opens on (latest attempt: first document, first selfie). */
export function openingImages(detail: CaseDetail): string[] {
  const latest = detail.attempts[detail.attempts.length - 1]
  return [displaySha(documentFiles(latest)[0]), displaySha(selfieFiles(latest)[0])].filter((s): s is string => !!s)
}
