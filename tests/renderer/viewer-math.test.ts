import { describe, expect, it } from 'vitest'
import {
  actualSizeView, clampZoom, effectiveScale, FIT_VIEW, fitScale, imageToScreen, imageTransform, MAX_ZOOM, MIN_ZOOM, rotateBy, zoomAround,
} from '../../src/renderer/src/composables/viewer-math'

const image = { width: 2000, height: 1000 }
const box = { width: 800, height: 600 }

describe('image viewer geometry', () => {
  it('fits a landscape image by its width, and by its height once rotated a quarter turn', () => {
    expect(fitScale(image, box, 0)).toBeCloseTo(0.4)
    expect(fitScale(image, box, 90)).toBeCloseTo(0.3) // 1000 wide x 2000 high in a 600 px tall box
    expect(fitScale(image, box, 180)).toBeCloseTo(0.4)
  })

  it('at fit the whole image is inside the box, centred', () => {
    const tl = imageToScreen({ x: 0, y: 0 }, FIT_VIEW, image, box, 0)
    const br = imageToScreen({ x: 2000, y: 1000 }, FIT_VIEW, image, box, 0)
    expect(tl.x).toBeCloseTo(0)
    expect(br.x).toBeCloseTo(800)
    expect(tl.y).toBeCloseTo(100)
    expect(br.y).toBeCloseTo(500)
  })

  it('rotating right puts the image top-left corner at the top-right', () => {
    const tl = imageToScreen({ x: 0, y: 0 }, FIT_VIEW, image, box, 90)
    expect(tl.x).toBeGreaterThan(box.width / 2)
    expect(tl.y).toBeCloseTo(0)
  })

  it('rotates in quarter turns and wraps around', () => {
    expect(rotateBy(0, 1)).toBe(90)
    expect(rotateBy(270, 1)).toBe(0)
    expect(rotateBy(0, -1)).toBe(270)
    expect(rotateBy(90, 6)).toBe(270)
  })

  it('wheel zoom keeps the image point under the pointer in place', () => {
    const pointer = { x: 150, y: -80 } // from the box centre
    const screen = { x: box.width / 2 + pointer.x, y: box.height / 2 + pointer.y }
    // the image point under the pointer before zooming
    const s = effectiveScale(FIT_VIEW, image, box, 0)
    const imgPt = { x: (screen.x - box.width / 2) / s + image.width / 2, y: (screen.y - box.height / 2) / s + image.height / 2 }
    const zoomed = zoomAround(FIT_VIEW, 2.5, pointer)
    expect(zoomed.zoom).toBeCloseTo(2.5)
    const after = imageToScreen(imgPt, zoomed, image, box, 0)
    expect(after.x).toBeCloseTo(screen.x)
    expect(after.y).toBeCloseTo(screen.y)
  })

  it('100 % shows one image pixel per screen pixel', () => {
    const v = actualSizeView(image, box, 0)
    expect(effectiveScale(v, image, box, 0)).toBeCloseTo(1)
    expect(effectiveScale(actualSizeView(image, box, 90), image, box, 90)).toBeCloseTo(1)
  })

  it('zoom stays within its limits', () => {
    expect(clampZoom(1000)).toBe(MAX_ZOOM)
    expect(clampZoom(0.001)).toBe(MIN_ZOOM)
    let v = FIT_VIEW
    for (let i = 0; i < 50; i++) v = zoomAround(v, 0.5)
    expect(v.zoom).toBe(MIN_ZOOM)
  })

  it('the CSS transform is the same mapping as imageToScreen', () => {
    const v = { zoom: 2, panX: 30, panY: -20 }
    expect(imageTransform(v, image, box, 90)).toBe('translate(430px, 280px) rotate(90deg) scale(0.6) translate(-1000px, -500px)')
  })
})
