import { distance } from 'geokdbush'
import KDBush from 'kdbush'
import type { LonLat } from '../divisions/model.js'

const METRES_PER_DEGREE_LATITUDE = 111_320
/** The first radius tried; it grows fourfold until something is found or the limit is passed. */
const FIRST_RADIUS_METRES = 60

/**
 * Nearest point to a location, for points within a city or a province. Longitudes are scaled by
 * the cosine of the points' middle latitude so that a KDBush radius search is a distance search
 * (within a fraction of a percent over a few hundred kilometres), and the radius grows from 60 m
 * until a point turns up. geokdbush's great-circle search gives the same answers at a few times
 * the cost, which reverse geocoding cannot spend per point.
 *
 * @example
 * const index = new NearestIndex([[123.42, 41.79], [123.43, 41.80]])
 * index.nearest(123.421, 41.791, 500) // 0
 */
export class NearestIndex {
  private readonly index: KDBush | undefined
  private readonly scale: number
  private readonly xs: Float64Array
  private readonly ys: Float64Array

  constructor(points: readonly LonLat[]) {
    let minY = Infinity
    let maxY = -Infinity
    for (const point of points) {
      minY = Math.min(minY, point[1])
      maxY = Math.max(maxY, point[1])
    }
    this.scale = points.length === 0 ? 1 : Math.cos((((minY + maxY) / 2) * Math.PI) / 180)
    this.xs = new Float64Array(points.length)
    this.ys = new Float64Array(points.length)
    if (points.length === 0) return
    const index = new KDBush(points.length)
    points.forEach((point, i) => {
      this.xs[i] = point[0] * this.scale
      this.ys[i] = point[1]
      index.add(this.xs[i] as number, point[1])
    })
    this.index = index.finish()
  }

  /** The position of the nearest point within `maxMetres`, or undefined. */
  nearest(lon: number, lat: number, maxMetres = Infinity): number | undefined {
    if (this.index === undefined) return undefined
    const x = lon * this.scale
    for (let radius = FIRST_RADIUS_METRES; ; radius *= 4) {
      const reach = Math.min(radius, maxMetres) / METRES_PER_DEGREE_LATITUDE
      const found = this.index.within(x, lat, reach)
      if (found.length > 0) {
        let best = -1
        let bestDistance = Infinity
        for (const id of found) {
          const dx = (this.xs[id] as number) - x
          const dy = (this.ys[id] as number) - lat
          const squared = dx * dx + dy * dy
          if (squared < bestDistance || (squared === bestDistance && id < best)) {
            best = id
            bestDistance = squared
          }
        }
        return best
      }
      if (radius >= maxMetres) return undefined
    }
  }

  /**
   * Great-circle distance in metres between two points.
   *
   * @example
   * NearestIndex.metres([123.42, 41.79], [123.42, 41.80]) // 1112
   */
  static metres(a: LonLat, b: LonLat): number {
    return distance(a[0], a[1], b[0], b[1]) * 1000
  }
}
