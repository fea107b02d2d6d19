/**
 * The spatial-geographic registry's core, in process: reverse geocoding (point → divisions at
 * every level → nearest house) and address standardisation (free text → standard address, code,
 * point) over the demo Shenyang, and vector tiles at zoom 14 cut from a large point collection.
 * Targets: reverse geocoding ≥ 200 000 points/s, standardisation ≥ 20 000 addresses/s; tiles
 * are the in-process part of the later "zoom 14 over 1 000 000 points, p95 < 50 ms uncached".
 */
import { performance } from 'node:perf_hooks'
import KDBush from 'kdbush'
import { sfc32 } from '../src/demo/synthetic.js'
import { generateGeoDemo } from '../src/demo/generators/geo/generator.js'
import { DivisionHistory } from '../src/geo/divisions/history.js'
import type { LonLat } from '../src/geo/divisions/model.js'
import type { GeoFeature } from '../src/geo/features/geometry.js'
import { divisionNameForms } from '../src/geo/gazetteer/address-text.js'
import { Gazetteer } from '../src/geo/gazetteer/gazetteer.js'
import { MATCH_QUALITIES, type MatchQuality } from '../src/geo/gazetteer/model.js'
import { bufferedTileBounds, tileAt } from '../src/geo/tiles/tile-matrix.js'
import { encodeVectorTile } from '../src/geo/tiles/vector-tile.js'
import { generateEntities } from '../src/demo/generators/legal-person.js'
import { generatePopulation } from '../src/demo/generators/population.js'
import { formatNumber, median, percentile } from './support/stats.js'
import { printTable, writeResults } from './support/report.js'

export interface GeoCoreOptions {
  /** Seconds each throughput round runs. */
  readonly durationSeconds: number
  readonly rounds: number
  /** Addresses in the standardisation mix: generated households and domiciles, and respelt house addresses. */
  readonly addresses: number
  /** Points in the collection tiles are cut from. */
  readonly tilePoints: number
  readonly tiles: number
}

export const GEO_CORE_DEFAULTS: GeoCoreOptions = { durationSeconds: 5, rounds: 3, addresses: 30_000, tilePoints: 1_000_000, tiles: 300 }

const TARGETS = { reversePerSecond: 200_000, standardisePerSecond: 20_000, tileP95Ms: 50 }
// Central Shenyang, where most points and addresses lie; the rest fall anywhere in the city's box.
const URBAN: readonly [number, number, number, number] = [123.25, 41.68, 123.6, 41.92]
const CITY: readonly [number, number, number, number] = [122.42, 41.2, 123.82, 43.05]

interface Rate {
  /** Calls per second of wall-clock time. */
  readonly wall: number
  /** Calls per second of this process's CPU time: what the code costs when other work shares the cores. */
  readonly cpu: number
}

/** Runs `work(i)` for the given seconds and returns calls per second. */
function throughput(seconds: number, work: (i: number) => void): Rate {
  const until = performance.now() + seconds * 1000
  let calls = 0
  const started = performance.now()
  const cpu = process.cpuUsage()
  while (performance.now() < until) {
    // Timing every call would cost more than a reverse geocode: check the clock every 1 000.
    for (let i = 0; i < 1000; i++) work(calls + i)
    calls += 1000
  }
  const used = process.cpuUsage(cpu)
  return { wall: calls / ((performance.now() - started) / 1000), cpu: calls / ((used.user + used.system) / 1e6) }
}

function randomPoints(count: number, seed: number): LonLat[] {
  const random = sfc32(seed)
  return Array.from({ length: count }, (): LonLat => {
    const box = random() < 0.8 ? URBAN : CITY
    return [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])]
  })
}

/** 辽宁省沈阳市沈北新区道义大街13号 as 辽宁沈阳沈北道义大街13号. */
function shortForms(standard: string): string {
  const county = /^辽宁省沈阳市(.+?(?:新区|区|县|市))/.exec(standard)?.[1] ?? ''
  const short = divisionNameForms(county, 'county')[1] ?? county
  return `辽宁沈阳${short}${standard.slice(`辽宁省沈阳市${county}`.length)}`
}

/** Households, domiciles, and demo house addresses written the ways people write them. */
function addressMix(gazetteer: Gazetteer, houses: ReturnType<typeof generateGeoDemo>['gazetteer']['addressPoints'], count: number): string[] {
  const today = new Date('2025-06-30T12:00:00+08:00')
  const third = Math.ceil(count / 3)
  const mix: string[] = []
  for (const person of generatePopulation({ count: third, seed: 101, today })) mix.push(person.household_address)
  for (const entity of generateEntities({ count: third, seed: 102, populationCount: 20_000, populationSeed: 42, today })) mix.push(entity.domicile)
  const random = sfc32(103)
  const fullWidth = (text: string): string => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
  while (mix.length < count) {
    const house = houses[Math.floor(random() * houses.length)] as (typeof houses)[number]
    const standard = gazetteer.standardOf(house)
    const draw = random()
    mix.push(
      draw < 0.25
        ? standard.replace('辽宁省', '')
        : draw < 0.5
          ? shortForms(standard)
          : draw < 0.75
            ? fullWidth(standard).replace('号', '號')
            : `${standard.replace(/^辽宁省沈阳市[^区县市]+[区县市]/, '')}${Math.floor(random() * 20) + 1}-${Math.floor(random() * 6) + 1}-1`,
    )
  }
  return mix
}

export async function benchGeoCore(options: GeoCoreOptions): Promise<void> {
  let started = performance.now()
  const history = DivisionHistory.load({ below: ['2101'] })
  const historyMs = performance.now() - started
  started = performance.now()
  const demo = generateGeoDemo(history, { seed: 20260101, buildings: 1_000 })
  const demoMs = performance.now() - started
  started = performance.now()
  const gazetteer = new Gazetteer(demo.gazetteer)
  const gazetteerMs = performance.now() - started

  const points = randomPoints(100_000, 7)
  const reverse: Rate[] = []
  let found = 0
  for (const point of points.slice(0, 10_000)) if (gazetteer.reverse(point).address !== undefined) found++
  for (let round = 0; round < options.rounds; round++) {
    reverse.push(throughput(options.durationSeconds, (i) => gazetteer.reverse(points[i % points.length] as LonLat)))
  }

  started = performance.now()
  const addresses = addressMix(gazetteer, demo.gazetteer.addressPoints, options.addresses)
  const mixMs = performance.now() - started
  const qualities = new Map<MatchQuality, number>(MATCH_QUALITIES.map((quality) => [quality, 0]))
  for (const address of addresses) {
    const quality = gazetteer.standardise(address).quality
    qualities.set(quality, (qualities.get(quality) ?? 0) + 1)
  }
  const standardise: Rate[] = []
  for (let round = 0; round < options.rounds; round++) {
    standardise.push(throughput(options.durationSeconds, (i) => gazetteer.standardise(addresses[i % addresses.length] as string)))
  }

  // Tiles: a large point collection in a KDBush stands in for the database's bounding-box read.
  started = performance.now()
  const collection = randomPoints(options.tilePoints, 11)
  const index = new KDBush(collection.length)
  for (const [x, y] of collection) index.add(x, y)
  index.finish()
  const tileSetupMs = performance.now() - started
  const random = sfc32(13)
  const tileTimes: number[] = []
  const tileFeatures: number[] = []
  for (let i = 0; i < options.tiles; i++) {
    const tile = tileAt(URBAN[0] + random() * (URBAN[2] - URBAN[0]), URBAN[1] + random() * (URBAN[3] - URBAN[1]), 14)
    const tileStarted = performance.now()
    const [west, south, east, north] = bufferedTileBounds(tile)
    const features: GeoFeature[] = index.range(west, south, east, north).map((id) => ({
      id,
      geometry: { type: 'Point', coordinates: [...(collection[id] as LonLat)] },
      properties: { kind: id % 5 },
    }))
    encodeVectorTile([{ name: 'points', features }], tile)
    tileTimes.push(performance.now() - tileStarted)
    tileFeatures.push(features.length)
  }

  const reverseMedian = median(reverse.map((rate) => rate.wall))
  const standardiseMedian = median(standardise.map((rate) => rate.wall))
  const perCpu = (rates: readonly Rate[]): string => formatNumber(median(rates.map((rate) => rate.cpu)))
  const tileP95 = percentile(tileTimes, 0.95)
  const meets = (value: number, target: number, higherIsBetter: boolean): string => ((higherIsBetter ? value >= target : value <= target) ? 'meets' : 'misses')
  printTable(
    'set-up',
    ['step', 'ms'],
    [
      ['division history (areacodes, GB/T 2260, Shenyang townships and villages)', formatNumber(historyMs)],
      [
        `demo Shenyang (${formatNumber(demo.gazetteer.places.length)} places, ${formatNumber(demo.gazetteer.addressPoints.length)} house numbers)`,
        formatNumber(demoMs),
      ],
      ['gazetteer index', formatNumber(gazetteerMs)],
      [`address mix (${formatNumber(addresses.length)} addresses)`, formatNumber(mixMs)],
      [`tile collection (${formatNumber(options.tilePoints)} points in a KDBush)`, formatNumber(tileSetupMs)],
    ],
  )
  printTable(
    `throughput: ${options.rounds} round(s) of ${options.durationSeconds} s, one thread`,
    ['operation', 'median /s', 'rounds /s', 'per CPU second', 'target /s', ''],
    [
      [
        'reverse geocoding',
        formatNumber(reverseMedian),
        reverse.map((rate) => formatNumber(rate.wall)).join(' / '),
        perCpu(reverse),
        formatNumber(TARGETS.reversePerSecond),
        meets(reverseMedian, TARGETS.reversePerSecond, true),
      ],
      [
        'address standardisation',
        formatNumber(standardiseMedian),
        standardise.map((rate) => formatNumber(rate.wall)).join(' / '),
        perCpu(standardise),
        formatNumber(TARGETS.standardisePerSecond),
        meets(standardiseMedian, TARGETS.standardisePerSecond, true),
      ],
    ],
  )
  console.log(`reverse geocoding named a house within 500 m for ${formatNumber((found / 10_000) * 100, 1)} % of the points`)
  console.log(
    `standardisation quality: ${[...qualities].map(([quality, count]) => `${quality} ${formatNumber((count / addresses.length) * 100, 1)} %`).join(', ')}`,
  )
  printTable(
    `vector tiles at zoom 14 from ${formatNumber(options.tilePoints)} points (bounding-box read + geojson-vt + vt-pbf), ${options.tiles} tiles`,
    ['measure', 'value'],
    [
      ['features per tile, median', formatNumber(median(tileFeatures))],
      ['p50 ms', tileTimes.length === 0 ? '' : percentile(tileTimes, 0.5).toFixed(2)],
      ['p95 ms', `${tileP95.toFixed(2)} (${meets(tileP95, TARGETS.tileP95Ms, false)} the in-process share of < ${TARGETS.tileP95Ms} ms)`],
    ],
  )
  const file = writeResults('geo-core', {
    options,
    targets: TARGETS,
    setup: { historyMs, demoMs, gazetteerMs, mixMs, tileSetupMs },
    reversePerSecond: reverse,
    standardisePerSecond: standardise,
    qualities: Object.fromEntries(qualities),
    tiles: { p50Ms: percentile(tileTimes, 0.5), p95Ms: tileP95, featuresMedian: median(tileFeatures) },
  })
  console.log(`\nresults: ${file}`)
}
