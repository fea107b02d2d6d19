import Flatbush from 'flatbush'
import type { MultiPolygon, Polygon, Position } from 'geojson'

/** One polygon's rings cut into horizontal bands, each band listing the edges that reach into it. */
interface BandedRings {
  readonly minY: number
  readonly bandHeight: number
  readonly bandCount: number
  /** x1, y1, x2, y2 per edge. */
  readonly edges: Float64Array
  /** Edges of band b are bandEdges[bandStart[b] .. bandStart[b + 1]). */
  readonly bandStart: Uint32Array
  readonly bandEdges: Uint32Array
}

/** Roughly this many edges share a band: a point is tested against a handful of edges, not thousands. */
const EDGES_PER_BAND = 4
const MAX_BANDS = 4096

function band(rings: readonly Position[][]): BandedRings {
  let edgeCount = 0
  for (const ring of rings) edgeCount += Math.max(0, ring.length - 1)
  const edges = new Float64Array(edgeCount * 4)
  let minY = Infinity
  let maxY = -Infinity
  let at = 0
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position
      const b = ring[i + 1] as Position
      edges[at++] = a[0] as number
      edges[at++] = a[1] as number
      edges[at++] = b[0] as number
      edges[at++] = b[1] as number
      minY = Math.min(minY, a[1] as number, b[1] as number)
      maxY = Math.max(maxY, a[1] as number, b[1] as number)
    }
  }
  const bandCount = Math.max(1, Math.min(MAX_BANDS, Math.ceil(edgeCount / EDGES_PER_BAND)))
  const bandHeight = (maxY - minY) / bandCount || 1
  const bandOf = (y: number): number => Math.min(bandCount - 1, Math.max(0, Math.floor((y - minY) / bandHeight)))
  const counts = new Uint32Array(bandCount + 1)
  for (let e = 0; e < edgeCount; e++) {
    const y1 = edges[e * 4 + 1] as number
    const y2 = edges[e * 4 + 3] as number
    for (let b = bandOf(Math.min(y1, y2)); b <= bandOf(Math.max(y1, y2)); b++) counts[b + 1] = (counts[b + 1] as number) + 1
  }
  for (let b = 0; b < bandCount; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number)
  const bandStart = counts.slice()
  const fill = counts.slice()
  const bandEdges = new Uint32Array(bandStart[bandCount] as number)
  for (let e = 0; e < edgeCount; e++) {
    const y1 = edges[e * 4 + 1] as number
    const y2 = edges[e * 4 + 3] as number
    for (let b = bandOf(Math.min(y1, y2)); b <= bandOf(Math.max(y1, y2)); b++) {
      bandEdges[fill[b] as number] = e
      fill[b] = (fill[b] as number) + 1
    }
  }
  return { minY, bandHeight, bandCount, edges, bandStart, bandEdges }
}

/**
 * Even–odd ray casting to the east, over only the edges of the point's band: the same answer as
 * testing every edge (a ray crosses an edge only if the edge spans the point's latitude, and such
 * an edge lies in that band), at a small fraction of the cost for boundaries with thousands of
 * vertices. Points exactly on an edge fall on either side, as with any ray-casting test.
 */
function contains(rings: BandedRings, x: number, y: number): boolean {
  const b = Math.floor((y - rings.minY) / rings.bandHeight)
  if (b < 0 || b >= rings.bandCount) return false
  const { edges, bandEdges } = rings
  let inside = false
  for (let i = rings.bandStart[b] as number, end = rings.bandStart[b + 1] as number; i < end; i++) {
    const e = (bandEdges[i] as number) * 4
    const y1 = edges[e + 1] as number
    const y2 = edges[e + 3] as number
    if (y1 > y !== y2 > y) {
      const x1 = edges[e] as number
      const x2 = edges[e + 2] as number
      if (x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside
    }
  }
  return inside
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
}

/**
 * Which polygons contain a point: bounding boxes in a Flatbush R-tree pick the candidates, then
 * each candidate's rings, cut into latitude bands, answer the exact test. Built once, read many
 * times (reverse geocoding runs it per point).
 *
 * @example
 * const index = new PolygonIndex([{ value: '210102', geometry: heping }])
 * index.find(123.42, 41.79) // '210102'
 */
export class PolygonIndex<T> {
  private readonly tree: Flatbush | undefined
  private readonly values: T[] = []
  private readonly rings: BandedRings[] = []
  private readonly found: number[] = []

  constructor(items: Iterable<{ readonly value: T; readonly geometry: Polygon | MultiPolygon }>) {
    const boxes: Array<[number, number, number, number]> = []
    for (const item of items) {
      const rings = ringsOf(item.geometry)
      let minX = Infinity
      let minY = Infinity
      let maxX = -Infinity
      let maxY = -Infinity
      for (const ring of rings) {
        for (const [x = 0, y = 0] of ring) {
          minX = Math.min(minX, x)
          minY = Math.min(minY, y)
          maxX = Math.max(maxX, x)
          maxY = Math.max(maxY, y)
        }
      }
      if (minX > maxX) continue
      this.values.push(item.value)
      this.rings.push(band(rings))
      boxes.push([minX, minY, maxX, maxY])
    }
    if (boxes.length > 0) {
      const tree = new Flatbush(boxes.length)
      for (const box of boxes) tree.add(...box)
      tree.finish()
      this.tree = tree
    }
  }

  get size(): number {
    return this.values.length
  }

  /** The first polygon (in the order given) that contains the point, or undefined. */
  find(x: number, y: number): T | undefined {
    if (this.tree === undefined) return undefined
    const candidates = this.tree.search(x, y, x, y)
    let best = -1
    for (const candidate of candidates) {
      if ((best < 0 || candidate < best) && contains(this.rings[candidate] as BandedRings, x, y)) best = candidate
    }
    return best < 0 ? undefined : this.values[best]
  }

  /** Every polygon that contains the point, in the order given. */
  findAll(x: number, y: number): T[] {
    if (this.tree === undefined) return []
    this.found.length = 0
    for (const candidate of this.tree.search(x, y, x, y)) if (contains(this.rings[candidate] as BandedRings, x, y)) this.found.push(candidate)
    return this.found.sort((a, b) => a - b).map((index) => this.values[index] as T)
  }
}
