import {
  BASE_KINDS,
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  FORMAT_CLASS_LABELS,
  FORMAT_CLASSES,
  FORMAT_TYPES,
  IDENTIFIER_KIND_LABELS,
  IDENTIFIER_KINDS,
  ITEM_TYPE_LABELS,
  ITEM_TYPES,
  SHARE_METHOD_LABELS,
  SHARE_METHODS,
  SHARE_TYPE_LABELS,
  SHARE_TYPES,
  STATUS_LABELS,
  THEMES,
  UPDATE_CYCLE_LABELS,
  UPDATE_CYCLES,
  VERSION_STATUSES,
} from './model.js'

function labelled<T extends string>(values: readonly T[], labels: Readonly<Record<T, { zh: string; en: string }>>) {
  return values.map((value) => ({ value, zh: labels[value].zh, en: labels[value].en }))
}

/** The catalog's code lists with their names, for consoles and client systems. */
export const CATALOG_META = {
  classifications: labelled(CLASSIFICATIONS, CLASSIFICATION_LABELS),
  baseKinds: BASE_KINDS.map(({ code, zh, en }) => ({ value: code, zh, en })),
  themes: THEMES.map(({ code, zh, en }) => ({ value: code, zh, en })),
  formatClasses: FORMAT_CLASSES.map((value) => ({ value, zh: value, en: FORMAT_CLASS_LABELS[value], types: [...FORMAT_TYPES[value]] })),
  itemTypes: labelled(ITEM_TYPES, ITEM_TYPE_LABELS),
  identifierKinds: labelled(IDENTIFIER_KINDS, IDENTIFIER_KIND_LABELS),
  shareTypes: labelled(SHARE_TYPES, SHARE_TYPE_LABELS),
  shareMethods: labelled(SHARE_METHODS, SHARE_METHOD_LABELS),
  updateCycles: labelled(UPDATE_CYCLES, UPDATE_CYCLE_LABELS),
  statuses: labelled(VERSION_STATUSES, STATUS_LABELS),
}
