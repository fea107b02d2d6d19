import gcoordModule from 'gcoord'
import proj4 from 'proj4'

// gcoord's CommonJS build is its API itself, while its types declare a default export: take
// whichever the runtime hands over.
const gcoord = ((gcoordModule as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default

/** The registry's coordinate reference system: CGCS2000 longitude/latitude. */
export const REGISTRY_CRS = 'EPSG:4490'
/** PROJ's definition of EPSG:4490. */
const CGCS2000 = '+proj=longlat +ellps=GRS80 +no_defs'

/** The web-map offsets people actually have: not CRSs, but shifts that map providers apply to WGS 84. */
export type WebMapOffset = 'GCJ-02' | 'BD-09'

/** A layer's declared CRS: an EPSG code, a web-map offset, or the WKT of a Shapefile's .prj or a GeoPackage. */
export type SourceCrs = { readonly epsg: number } | { readonly offset: WebMapOffset } | { readonly wkt: string }

/** How coordinates were converted on import, kept with what was imported. */
export interface Conversion {
  /** The declared CRS, as named: `EPSG:4326`, `GCJ-02`, or `WKT: CGCS2000_3_Degree_GK_CM_123E`. */
  readonly from: string
  readonly to: typeof REGISTRY_CRS
  /** What did it: `gcoord` (offsets), `proj4`, or `null transformation` (WGS 84 to CGCS2000, under a metre). */
  readonly method: string
}

/** Converts one position to CGCS2000 longitude/latitude; extra ordinates (height) are kept. */
export type PositionConverter = (position: readonly number[]) => number[]

export interface CrsConverter {
  readonly convert: PositionConverter
  /** Undefined when the data is already in EPSG:4490. */
  readonly conversion?: Conversion
  /** Whether the source CRS has degrees for units: decides what an out-of-range coordinate means. */
  readonly geographic: boolean
}

/** Geographic CRSs whose datum lies within a metre of CGCS2000 (WGS 84 and its realisations, CGCS2000 itself). */
const GEOGRAPHIC: ReadonlyMap<number, string> = new Map([
  [4490, 'CGCS2000'],
  [4326, 'WGS 84'],
  [4979, 'WGS 84 (3D)'],
  [4480, 'China Geodetic Coordinate System 2000 (3D)'],
])

/**
 * PROJ definitions of the projected CRSs Chinese departments' files come in: Web Mercator and the
 * CGCS2000 Gauss–Krüger zones (3° zones EPSG:4513–4533 with the zone number in the false easting,
 * 4534–4554 without; 6° zones 4491–4501 with, 4502–4512 without).
 */
function projectedDefinition(epsg: number): string | undefined {
  if (epsg === 3857 || epsg === 900913) return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs'
  const tmerc = (centralMeridian: number, falseEasting: number): string =>
    `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25
    return tmerc(zone * 3, zone * 1_000_000 + 500_000)
  }
  if (epsg >= 4534 && epsg <= 4554) return tmerc(75 + (epsg - 4534) * 3, 500_000)
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4491 + 13
    return tmerc(zone * 6 - 3, zone * 1_000_000 + 500_000)
  }
  if (epsg >= 4502 && epsg <= 4512) return tmerc(75 + (epsg - 4502) * 6, 500_000)
  return undefined
}

/**
 * Reads a CRS as files and requests name it: `EPSG:4326`, `4490`, the OGC URN and URI forms,
 * `CRS84`, and the offsets `GCJ-02` / `GCJ02` / `BD-09` / `BD09`. Undefined when it is none of them.
 *
 * @example
 * parseCrs('http://www.opengis.net/def/crs/EPSG/0/4490') // { epsg: 4490 }
 * parseCrs('urn:ogc:def:crs:OGC:1.3:CRS84') // { epsg: 4326 }
 * parseCrs('gcj02') // { offset: 'GCJ-02' }
 */
export function parseCrs(text: string): SourceCrs | undefined {
  const value = text.trim()
  if (/^(urn:ogc:def:crs:OGC:1\.3:CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84|CRS84|OGC:CRS84)$/i.test(value)) return { epsg: 4326 }
  if (/^GCJ-?02$/i.test(value)) return { offset: 'GCJ-02' }
  if (/^BD-?09$/i.test(value)) return { offset: 'BD-09' }
  const epsg = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)?(\d{4,6})$/i.exec(value)
  return epsg === null ? undefined : { epsg: Number(epsg[1]) }
}

/** A CRS's name for messages and the conversion record. */
export function crsName(crs: SourceCrs): string {
  if ('epsg' in crs) return `EPSG:${crs.epsg}`
  if ('offset' in crs) return crs.offset
  return `WKT: ${/^\s*\w+\s*\[\s*"([^"]*)"/.exec(crs.wkt)?.[1] ?? 'unnamed'}`
}

/**
 * A converter from a declared CRS to CGCS2000 longitude/latitude, or a message saying why there
 * is none. GCJ-02 and BD-09 go through gcoord (to WGS 84); projected CRSs and WKT through proj4;
 * WGS 84 to CGCS2000 is taken as the null transformation, as PROJ does (the two differ by less
 * than a metre, below what either realises).
 *
 * @example
 * converterFor({ offset: 'GCJ-02' }).convert([123.4265, 41.7937]) // [123.4203…, 41.7912…], marked { from: 'GCJ-02', method: 'gcoord' }
 */
export function converterFor(crs: SourceCrs): CrsConverter | { readonly problem: string } {
  const from = crsName(crs)
  if ('offset' in crs) {
    const source = crs.offset === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09
    return {
      geographic: true,
      convert: (position) => [...gcoord.transform([position[0] as number, position[1] as number], source, gcoord.WGS84), ...position.slice(2)],
      conversion: { from, to: REGISTRY_CRS, method: 'gcoord' },
    }
  }
  if ('epsg' in crs) {
    if (crs.epsg === 4490) return { geographic: true, convert: (position) => [...position] }
    if (GEOGRAPHIC.has(crs.epsg))
      return { geographic: true, convert: (position) => [...position], conversion: { from, to: REGISTRY_CRS, method: 'null transformation' } }
    const definition = projectedDefinition(crs.epsg)
    if (definition === undefined)
      return {
        problem: `${from} is not a CRS the registry converts from; declare EPSG:4490, EPSG:4326, GCJ-02, BD-09, EPSG:3857 or a CGCS2000 Gauss–Krüger zone (4491–4554)`,
      }
    return projected(definition, from)
  }
  try {
    const geographic = /^\s*GEOG(CS|CRS)\b/i.test(crs.wkt)
    const converter = proj4(crs.wkt, CGCS2000)
    // proj4 accepts some WKT it cannot use and fails only on the first point: try one.
    converter.forward(geographic ? [120, 40] : [500_000, 4_000_000])
    if (geographic && /WGS[ _]?(19)?84|CGCS|China[ _]2000|China_Geodetic/i.test(crs.wkt)) {
      return {
        geographic,
        convert: (position) => [...position],
        ...(/CGCS|China/i.test(crs.wkt) ? {} : { conversion: { from, to: REGISTRY_CRS, method: 'null transformation' } }),
      }
    }
    return {
      geographic,
      convert: (position) => [...converter.forward([position[0] as number, position[1] as number]), ...position.slice(2)],
      conversion: { from, to: REGISTRY_CRS, method: 'proj4' },
    }
  } catch {
    return { problem: `the CRS definition (${from}) cannot be read` }
  }
}

function projected(definition: string, from: string): CrsConverter {
  const converter = proj4(definition, CGCS2000)
  return {
    geographic: false,
    convert: (position) => [...converter.forward([position[0] as number, position[1] as number]), ...position.slice(2)],
    conversion: { from, to: REGISTRY_CRS, method: 'proj4' },
  }
}
