import { useMemo } from 'react'
import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTION_ENGLISH,
  INDUSTRY_SECTIONS,
  type CodeValidity,
  type EntityEvent,
  type EntityRecord,
  type EntityStatus,
} from '../../api/legal-persons'
import { isMessageKey, type Translate } from '../../i18n'
import { useLanguage } from '../../language'

export const STATUS_COLORS: Readonly<Record<EntityStatus, string>> = { '1': 'green', '2': 'cyan', '3': 'red', '4': 'default', '5': 'orange' }

/** The status colours in charts, where 'default' is no colour. */
export const STATUS_CHART_COLORS: Readonly<Record<EntityStatus, string>> = { '1': '#389e0d', '2': '#08979c', '3': '#cf1322', '4': '#8c8c8c', '5': '#d46b08' }

/** Colours for both the timeline's dots and the event tags. */
export const EVENT_COLORS: Readonly<Record<EntityEvent, string>> = {
  create: 'green',
  update: 'blue',
  rename: '#722ed1',
  representative: '#2f54eb',
  status: '#d4380d',
}

/** The changes a reader of the change record must not miss: 名称变更, 法定代表人变更, 状态变更. */
export const HIGHLIGHTED_EVENTS: ReadonlySet<EntityEvent> = new Set(['rename', 'representative', 'status'])

/** Shenyang's districts and counties (GB/T 2260), for naming an entity's registered division. */
const DISTRICTS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  '210102': ['和平区', 'Heping District'],
  '210103': ['沈河区', 'Shenhe District'],
  '210104': ['大东区', 'Dadong District'],
  '210105': ['皇姑区', 'Huanggu District'],
  '210106': ['铁西区', 'Tiexi District'],
  '210111': ['苏家屯区', 'Sujiatun District'],
  '210112': ['浑南区', 'Hunnan District'],
  '210113': ['沈北新区', 'Shenbei New District'],
  '210114': ['于洪区', 'Yuhong District'],
  '210115': ['辽中区', 'Liaozhong District'],
  '210123': ['康平县', 'Kangping County'],
  '210124': ['法库县', 'Faku County'],
  '210181': ['新民市', 'Xinmin City'],
}

const SECTION_NAMES = new Map(INDUSTRY_SECTIONS.map((section) => [section.code, section.name]))
const DIVISIONS = new Map(INDUSTRY_DIVISIONS.map((division) => [division.code, division]))

function isStatus(code: string): code is EntityStatus {
  return code === '1' || code === '2' || code === '3' || code === '4' || code === '5'
}

export interface EntityLabels {
  /** A core item's name, e.g. 法定代表人; the key itself for items the console does not know. */
  readonly item: (key: string) => string
  /** A value as a reader wants it: codes by their names (存续, 制造业, 和平区), masked and unknown values as they came. */
  readonly value: (key: string, value: EntityRecord[string] | undefined) => string
  readonly status: (code: string) => string
  readonly entityType: (code: string) => string
  /** A GB/T 4754 division (2 digits) with its name. */
  readonly industry: (code: string) => string
  /** A GB/T 4754 section (A–T, '-' for none), with the server's name as the fallback. */
  readonly section: (code: string, fallback: string) => string
  readonly district: (code: string) => string
  readonly source: (code: string) => string
  readonly event: (event: EntityEvent) => string
  readonly validity: (validity: CodeValidity) => string
}

function labelsOf(t: Translate, english: boolean): EntityLabels {
  const known = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback)
  const status = (code: string) => (isStatus(code) ? t(`legalPerson.status.${code}`) : code)
  const entityType = (code: string) => known(`legalPerson.entityType.${code}`, code)
  const industry = (code: string) => {
    const division = DIVISIONS.get(code)
    if (division === undefined) return code
    return english ? `${code} ${INDUSTRY_SECTION_ENGLISH[division.section] ?? division.section}` : `${code} ${division.name}`
  }
  const section = (code: string, fallback: string) =>
    code === '-' ? t('legalPerson.stats.unclassified') : ((english ? INDUSTRY_SECTION_ENGLISH[code] : SECTION_NAMES.get(code)) ?? fallback)
  const district = (code: string) => {
    const names = DISTRICTS[code]
    return names === undefined ? code : `${english ? names[1] : names[0]} (${code})`
  }
  const source = (code: string) => known(`legalPerson.source.${code}`, code)
  return {
    item: (key) => known(`legalPerson.item.${key}`, key),
    value: (key, value) => {
      // No end to the business term is a term without limit (长期).
      if (key === 'business_term_to' && (value === null || value === '')) return t('legalPerson.longTerm')
      if (value === null || value === undefined || value === '') return ''
      const text = String(value)
      if (text.includes('*')) return text
      switch (key) {
        case 'registration_status':
          return status(text)
        case 'entity_type':
          return entityType(text)
        case 'industry_code':
          return industry(text)
        case 'division_code':
          return district(text)
        case 'source_department':
          return source(text)
        default:
          return text
      }
    },
    status,
    entityType,
    industry,
    section,
    district,
    source,
    event: (event) => t(`legalPerson.event.${event}`),
    validity: (validity) => t(`legalPerson.validity.${validity}`),
  }
}

/** Names of the registry's items, codes and events in the current language. */
export function useEntityLabels(): EntityLabels {
  const { t, language } = useLanguage()
  return useMemo(() => labelsOf(t, language === 'en'), [t, language])
}
