import { describe, expect, it } from 'vitest'
import { suppressOverlapping } from '../../../../../src/main/analysis/face/detect'
import { DETECTION_VIEWS, crop, letterbox, tiles, viewImages } from '../../../../../src/main/analysis/face/detection-views'

/** An RGB image whose pixel (x, y) holds (x, y, 7) — so every copy can be checked for where it came from. */
function gradient(width: number, height: number) {
  const data = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      data[i] = x % 256
      data[i + 1] = y % 256
      data[i + 2] = 7
    }
  }
  return { data, width, height }
}
const px = (img: { data: Buffer; width: number }, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3)]

describe('letterbox', () => {
  it('pads a 16:9 frame to a square on the bottom, keeping every pixel where it was', () => {
    const frame = gradient(160, 90)
    const square = letterbox(frame)
    expect([square.width, square.height]).toEqual([160, 160])
    expect(px(square, 37, 81)).toEqual([37, 81, 7])
    expect(px(square, 159, 89)).toEqual([159, 89, 7])
    expect(px(square, 20, 90)).toEqual([0, 0, 0])
  })

  it('pads a 9:16 phone frame on the right, and leaves a square one alone', () => {
    const square = letterbox(gradient(90, 160))
    expect([square.width, square.height]).toEqual([160, 160])
    expect(px(square, 89, 150)).toEqual([89, 150, 7])
    expect(px(square, 90, 150)).toEqual([0, 0, 0])
    const already = gradient(50, 50)
    expect(letterbox(already)).toBe(already)
  })
})

describe('tiles', () => {
  it('covers a 1280x720 frame with three 720-px squares overlapping by more than a quarter', () => {
    const views = tiles(gradient(1280, 720))
    expect(views.map((v) => [v.offsetX, v.offsetY, v.image.width, v.image.height])).toEqual([[0, 0, 720, 720], [280, 0, 720, 720], [560, 0, 720, 720]])
    // A tile's pixel (0, 0) is the frame's (offsetX, offsetY).
    expect(px(views[1].image, 3, 5)).toEqual([(280 + 3) % 256, 5, 7])
  })

  it('uses squares of 0.6 of the longer side when the frame is close to square, in a grid', () => {
    const views = tiles(gradient(1000, 900))
    expect(views[0].image.width).toBe(600)
    const xs = [...new Set(views.map((v) => v.offsetX))]
    const ys = [...new Set(views.map((v) => v.offsetY))]
    expect(xs).toEqual([0, 400])
    expect(ys).toEqual([0, 300])
  })

  it('crops exactly the rectangle asked for', () => {
    const part = crop(gradient(64, 48), 10, 20, 5, 4)
    expect([part.width, part.height]).toEqual([5, 4])
    expect(px(part, 4, 3)).toEqual([14, 23, 7])
  })
})

describe('the views, in order', () => {
  it('starts with the letterboxed frame and ends with tiles', () => {
    expect(DETECTION_VIEWS).toEqual(['square', 'frame', 'tiles'])
    const frame = gradient(128, 72)
    expect(viewImages('square', frame)[0].image.height).toBe(128)
    expect(viewImages('frame', frame)[0].image).toBe(frame)
    expect(viewImages('tiles', frame).length).toBeGreaterThan(1)
  })
})

describe('suppressOverlapping', () => {
  const face = (x: number, y: number, w: number, h: number, score: number) => ({ box: { x, y, w, h }, score })

  it('drops a second box lying mostly inside a more confident face (a box on the chin)', () => {
    const main = face(494, 39, 441, 441, 1)
    const chin = face(596, 217, 251, 251, 0.53)
    expect(suppressOverlapping([chin, main])).toEqual([main])
  })

  it('keeps two people side by side, even when their boxes touch', () => {
    const a = face(100, 100, 300, 300, 1)
    const b = face(380, 120, 250, 250, 0.9)
    expect(suppressOverlapping([a, b])).toEqual([a, b])
  })

  it('keeps one of the same face found in two overlapping tiles', () => {
    const left = face(600, 300, 80, 80, 0.9)
    const right = face(604, 302, 78, 80, 0.95)
    expect(suppressOverlapping([left, right])).toEqual([right])
  })
})
