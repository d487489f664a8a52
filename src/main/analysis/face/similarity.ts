/** Euclidean distance between two descriptors of the same length. */
export function faceDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`descriptor lengths differ: ${a.length} vs ${b.length}`)
  let sum = 0
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i]
    sum += d * d
  }
  return Math.sqrt(sum)
}

/**
 * The distance at which similarity reaches 0. face-api's 128-d descriptors lie about 0.3-0.5
 * apart for photos of one person and 0.7-1.1 for two people; beyond 1.2 nothing resembles.
 */
export const ZERO_SIMILARITY_DISTANCE = 1.2

/**
 * Similarity 0..1 from euclidean distance d, linear and fixed (independent of any threshold):
 * similarity = max(0, 1 - d / 1.2). d = 0 gives 1; face-api's customary match distance 0.6
 * gives 0.5; d >= 1.2 gives 0. See docs/analysis/face.md.
 */
export function faceSimilarity(a: Float32Array, b: Float32Array): number {
  return similarityFromDistance(faceDistance(a, b))
}

export function similarityFromDistance(d: number): number {
  return Math.max(0, Math.min(1, 1 - d / ZERO_SIMILARITY_DISTANCE))
}

export function distanceFromSimilarity(s: number): number {
  return (1 - s) * ZERO_SIMILARITY_DISTANCE
}
