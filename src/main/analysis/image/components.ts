/** A connected set of cells of a boolean grid. */
export interface Component {
  cells: number[]
  /** Bounding box in cells, inclusive. */
  x0: number
  y0: number
  x1: number
  y1: number
}

/** 4-connected components of the cells where `mask` is non-zero, largest first. */
export function connectedComponents(mask: Uint8Array, cols: number, rows: number): Component[] {
  const label = new Int32Array(mask.length).fill(-1)
  const out: Component[] = []
  const stack: number[] = []
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start] >= 0) continue
    const comp: Component = { cells: [], x0: cols, y0: rows, x1: -1, y1: -1 }
    label[start] = out.length
    stack.push(start)
    while (stack.length) {
      const k = stack.pop()!
      comp.cells.push(k)
      const x = k % cols
      const y = (k - x) / cols
      if (x < comp.x0) comp.x0 = x
      if (x > comp.x1) comp.x1 = x
      if (y < comp.y0) comp.y0 = y
      if (y > comp.y1) comp.y1 = y
      const visit = (n: number) => {
        if (mask[n] && label[n] < 0) {
          label[n] = out.length
          stack.push(n)
        }
      }
      if (x > 0) visit(k - 1)
      if (x < cols - 1) visit(k + 1)
      if (y > 0) visit(k - cols)
      if (y < rows - 1) visit(k + cols)
    }
    out.push(comp)
  }
  return out.sort((a, b) => b.cells.length - a.cells.length)
}
