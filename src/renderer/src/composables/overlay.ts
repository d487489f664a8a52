import type { Region } from '../../../shared/domain/finding'

/** A rectangle drawn over an image in the viewer (normalised to the image). */
export interface Overlay {
  id: string
  region: Region
  /** blocker / warning / info: a finding's severity; mrz and face: what the analysis located. */
  tone: 'blocker' | 'warning' | 'info' | 'mrz' | 'face'
  label: string
  highlighted?: boolean
}
