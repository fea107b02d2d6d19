import { BASE_KINDS, CLASSIFICATION_LABELS, THEMES, UPDATE_CYCLE_LABELS, type ResourceContent } from './model.js'
import type { ResourceRecord, VersionRecord } from './repository.js'

const FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/'
const ACCESS_RIGHT = 'http://publications.europa.eu/resource/authority/access-right/'

/** The JSON-LD context: DCAT-AP's vocabularies, declared inline so no parser has to fetch anything. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
}

interface Entry {
  readonly resource: ResourceRecord
  readonly version: VersionRecord
}

function zh(value: string) {
  return { '@value': value, '@language': 'zh' }
}

/** Catalog codes in URLs use a dash for the slash, as the API's paths do. */
export function resourceUri(base: string, code: string): string {
  return `${base}/api/v1/catalog/resources/${code.replace('/', '-')}`
}

/** Open resources are public; shared ones restricted to government; resources not shared non-public. */
function accessRight(content: ResourceContent): string {
  if (content.open) return `${ACCESS_RIGHT}PUBLIC`
  return `${ACCESS_RIGHT}${content.shareType === 'none' ? 'NON_PUBLIC' : 'RESTRICTED'}`
}

function theme(base: string, content: ResourceContent) {
  const category = content.classification === 'base' ? BASE_KINDS.find((k) => k.code === content.category) : THEMES.find((t) => t.code === content.category)
  const label = category === undefined ? CLASSIFICATION_LABELS[content.classification].zh : `${CLASSIFICATION_LABELS[content.classification].zh}/${category.zh}`
  return {
    '@id': `${base}/api/v1/catalog/themes/${CLASSIFICATION_LABELS[content.classification].code}${content.category ?? ''}`,
    '@type': 'skos:Concept',
    'skos:prefLabel': zh(label),
  }
}

/** One published resource as a dcat:Dataset. */
export function dcatDataset(base: string, { resource, version }: Entry) {
  const { content } = version
  const published = version.publishedAt ?? version.updatedAt
  return {
    '@id': resourceUri(base, resource.code),
    '@type': 'dcat:Dataset',
    'dct:identifier': resource.code,
    'dct:title': zh(content.name),
    'dct:description': zh(content.abstract),
    'dct:publisher': {
      '@id': `${base}/api/v1/departments/${resource.department.code}`,
      '@type': 'foaf:Organization',
      'foaf:name': zh(resource.department.name),
    },
    'dcat:keyword': content.tags.map(zh),
    'dcat:theme': theme(base, content),
    'dct:accrualPeriodicity': { '@id': `${FREQUENCY}${UPDATE_CYCLE_LABELS[content.updateCycle].dcat}` },
    'dct:accessRights': { '@id': accessRight(content) },
    'dct:issued': { '@value': content.publishDate ?? published.slice(0, 10), '@type': 'xsd:date' },
    'dct:modified': { '@value': published, '@type': 'xsd:dateTime' },
  }
}

/**
 * The published catalog as DCAT-AP JSON-LD: one dcat:Catalog with a dcat:Dataset per entry.
 *
 * @example
 * const document = dcatCatalog('https://data.shenyang.gov.cn', entries)
 */
export function dcatCatalog(base: string, entries: readonly Entry[]) {
  const modified = entries
    .map((entry) => entry.version.publishedAt ?? '')
    .sort()
    .at(-1)
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/v1/catalog/dcat.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': zh('政务信息资源目录'),
    'dct:description': zh('本市各部门政务信息资源的目录，由数据主管部门审核发布。'),
    'dct:publisher': { '@id': `${base}/#data-office`, '@type': 'foaf:Organization', 'foaf:name': zh('数据主管部门') },
    ...(modified === undefined || modified === '' ? {} : { 'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' } }),
    'dcat:dataset': entries.map((entry) => dcatDataset(base, entry)),
  }
}

/** One resource as a standalone JSON-LD document. */
export function dcatResource(base: string, entry: Entry) {
  return { '@context': DCAT_CONTEXT, ...dcatDataset(base, entry) }
}
