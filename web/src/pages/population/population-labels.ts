import { useMemo } from 'react'
import { ETHNIC_GROUP_ROMAN, ETHNIC_GROUPS, type IdValidity, type Outcome, type PersonEvent, type PersonRecord, type PersonStatus } from '../../api/population'
import { isMessageKey, type Translate } from '../../i18n'
import { useLanguage } from '../../language'

export const STATUS_COLORS: Readonly<Record<PersonStatus, string>> = { '10': 'green', '20': 'default', '30': 'orange', '40': 'red' }

/** Colours for both the timeline's dots and the event tags (a death in dark grey). */
export const EVENT_COLORS: Readonly<Record<PersonEvent, string>> = {
  create: 'green',
  update: 'blue',
  death: '#595959',
  'move-out': 'orange',
  cancel: 'red',
  restore: 'green',
}

export const OUTCOME_COLORS: Readonly<Record<Outcome, string>> = {
  'invalid-id': 'red',
  'not-found': 'volcano',
  'name-mismatch': 'orange',
  'field-mismatch': 'gold',
  deceased: 'default',
  'moved-out': 'purple',
  cancelled: 'magenta',
}

const ETHNIC_NAMES = new Map(ETHNIC_GROUPS.map((group) => [group.code, group.name]))

function isStatus(code: string): code is PersonStatus {
  return code === '10' || code === '20' || code === '30' || code === '40'
}

export interface PersonLabels {
  /** A core item's name, e.g. 出生日期; the key itself for items the console does not know. */
  readonly item: (key: string) => string
  /** A value as a reader wants it: codes by their names (男, 汉族, 正常); masked and unknown values as they came. */
  readonly value: (key: string, value: PersonRecord[string] | undefined) => string
  readonly status: (code: string) => string
  readonly gender: (code: string) => string
  readonly ethnicGroup: (code: string) => string
  readonly event: (event: PersonEvent) => string
  readonly outcome: (outcome: Outcome) => string
  readonly validity: (validity: IdValidity) => string
}

function labelsOf(t: Translate, english: boolean): PersonLabels {
  const known = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback)
  const status = (code: string) => (isStatus(code) ? t(`population.status.${code}`) : code)
  const gender = (code: string) => known(`population.gender.${code}`, code)
  const ethnicGroup = (code: string) => (english ? ETHNIC_GROUP_ROMAN[code] : ETHNIC_NAMES.get(code)) ?? code
  return {
    item: (key) => known(`population.item.${key}`, key),
    value: (key, value) => {
      if (value === null || value === undefined || value === '') return ''
      const text = String(value)
      if (key === 'gender') return gender(text)
      if (key === 'ethnic_group') return ethnicGroup(text)
      if (key === 'status') return status(text)
      return text
    },
    status,
    gender,
    ethnicGroup,
    event: (event) => t(`population.event.${event}`),
    outcome: (outcome) => t(`population.outcome.${outcome}`),
    validity: (validity) => t(`population.validity.${validity}`),
  }
}

/** Names of the registry's items, codes and outcomes in the current language. */
export function usePersonLabels(): PersonLabels {
  const { t, language } = useLanguage()
  return useMemo(() => labelsOf(t, language === 'en'), [t, language])
}
