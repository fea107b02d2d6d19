import { useMemo } from 'react'
import { FORMAT_CLASSES, type Classification, type FormatClass, type ShareType, type VersionStatus } from '../../api/catalog'
import {
  BASE_KINDS,
  CLASSIFICATION_LABELS,
  FORMAT_CLASS_LABELS,
  IDENTIFIER_KIND_LABELS,
  ITEM_TYPE_LABELS,
  SHARE_METHOD_LABELS,
  SHARE_TYPE_LABELS,
  STATUS_LABELS,
  THEMES,
  UPDATE_CYCLE_LABELS,
} from '../../api/code-tables'
import type { Language } from '../../i18n'
import { useLanguage } from '../../language'

interface Names {
  readonly zh: string
  readonly en: string
}

// The names are generated from the server's model, so the console and the API can never disagree.
export {
  BASE_KINDS,
  CLASSIFICATION_LABELS as CLASSIFICATION_NAMES,
  FORMAT_TYPES,
  IDENTIFIER_KIND_LABELS as IDENTIFIER_KIND_NAMES,
  ITEM_TYPE_LABELS as ITEM_TYPE_NAMES,
  RECORD_FORMAT_CLASSES,
  SHARE_METHOD_LABELS as SHARE_METHOD_NAMES,
  SHARE_TYPE_LABELS as SHARE_TYPE_NAMES,
  SIZED_ITEM_TYPES,
  STATUS_LABELS as STATUS_NAMES,
  THEMES,
  UPDATE_CYCLE_LABELS as UPDATE_CYCLE_NAMES,
} from '../../api/code-tables'

export const FORMAT_CLASS_NAMES: Readonly<Record<FormatClass, Names>> = Object.fromEntries(
  FORMAT_CLASSES.map((formatClass) => [formatClass, { zh: formatClass, en: FORMAT_CLASS_LABELS[formatClass] }]),
) as Record<FormatClass, Names>

export function categoriesOf(classification: Classification | undefined): ReadonlyArray<Names & { readonly code: string }> {
  return classification === 'base' ? BASE_KINDS : classification === 'theme' ? THEMES : []
}

export const SHARE_TYPE_COLORS: Readonly<Record<ShareType, string>> = { unconditional: 'green', conditional: 'orange', none: 'red' }

export const STATUS_COLORS: Readonly<Record<VersionStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  published: 'success',
  superseded: 'default',
  retired: 'error',
}

function lookup<K extends string>(table: Readonly<Record<K, Names>>, language: Language): (value: K | string) => string {
  return (value) => (table as Readonly<Record<string, Names | undefined>>)[value]?.[language] ?? value
}

/** The catalog's names in the current language. */
export function useCatalogLabels() {
  const { language } = useLanguage()
  return useMemo(
    () => ({
      classification: lookup(CLASSIFICATION_LABELS, language),
      category: (classification: Classification, code: string | null) =>
        categoriesOf(classification).find((entry) => entry.code === code)?.[language] ?? code ?? '',
      formatClass: lookup(FORMAT_CLASS_NAMES, language),
      itemType: lookup(ITEM_TYPE_LABELS, language),
      identifierKind: lookup(IDENTIFIER_KIND_LABELS, language),
      shareType: lookup(SHARE_TYPE_LABELS, language),
      shareMethod: lookup(SHARE_METHOD_LABELS, language),
      updateCycle: lookup(UPDATE_CYCLE_LABELS, language),
      status: lookup(STATUS_LABELS, language),
    }),
    [language],
  )
}

export type CatalogLabels = ReturnType<typeof useCatalogLabels>
