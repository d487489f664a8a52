import type { AnalysisContext, BundleFile } from '../types'
import { decodeImage } from './decode'
import { imageDecodeOptions } from './image-settings'
import type { DecodeResult } from './types'

/**
 * The decoded image of one bundle file, shared by every analyser of the case
 * (fact `image:<name>`): decoded once, at the working size of the "image" settings.
 * null when the file is missing from the bundle (bytes null).
 */
export function decodedImage(ctx: AnalysisContext, file: BundleFile): Promise<DecodeResult | null> {
  return ctx.fact(`image:${file.name}`, async () => (file.bytes ? decodeImage(file.bytes, imageDecodeOptions(ctx.settings)) : null))
}
