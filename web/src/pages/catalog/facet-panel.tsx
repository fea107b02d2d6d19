import { Button, Checkbox, Collapse, Typography } from 'antd'
import { FACETS, type Facet, type FacetCount, type SearchResult } from '../../api/catalog'
import { useDepartments } from '../../api/identity'
import type { MessageKey } from '../../i18n'
import { useLanguage } from '../../language'
import { useCatalogLabels } from './catalog-labels'

const FACET_TITLES: Readonly<Record<Facet, MessageKey>> = {
  department: 'catalog.facet.department',
  classification: 'catalog.facet.classification',
  shareType: 'catalog.facet.shareType',
  open: 'catalog.facet.open',
  formatClass: 'catalog.facet.formatClass',
  updateCycle: 'catalog.facet.updateCycle',
}

type Filters = Readonly<Partial<Record<Facet, readonly string[]>>>

/** The facet label a value shows: names for codes and enumerations. */
export function useFacetLabel(): (facet: Facet, value: string) => string {
  const { t, language } = useLanguage()
  const labels = useCatalogLabels()
  const departments = useDepartments()
  return (facet, value) => {
    switch (facet) {
      case 'department': {
        const department = departments.data?.find((candidate) => candidate.code === value)
        return department === undefined ? value : language === 'zh' ? department.name : department.nameEn
      }
      case 'classification':
        return labels.classification(value)
      case 'shareType':
        return labels.shareType(value)
      case 'open':
        return t(value === 'true' ? 'catalog.open' : 'catalog.closed')
      case 'formatClass':
        return labels.formatClass(value)
      case 'updateCycle':
        return labels.updateCycle(value)
    }
  }
}

/**
 * Checkbox lists with counts for each facet. A chosen value stays listed even when the other
 * filters leave it no results, so it can be unticked.
 */
export function FacetPanel({
  facets,
  filters,
  onChange,
}: {
  readonly facets: SearchResult['facets'] | undefined
  readonly filters: Filters
  readonly onChange: (filters: Filters) => void
}) {
  const { t } = useLanguage()
  const facetLabel = useFacetLabel()
  const anyChosen = FACETS.some((facet) => (filters[facet]?.length ?? 0) > 0)

  const options = (facet: Facet) => {
    const counts: FacetCount[] = [...(facets?.[facet] ?? [])]
    for (const value of filters[facet] ?? []) if (!counts.some((entry) => entry.value === value)) counts.push({ value, count: 0 })
    return counts.map(({ value, count }) => ({
      value,
      label: (
        <span style={{ display: 'inline-flex', gap: 6 }}>
          <span>{facetLabel(facet, value)}</span>
          <Typography.Text type="secondary">{count}</Typography.Text>
        </span>
      ),
    }))
  }

  return (
    <div data-testid="catalog-facets">
      {anyChosen ? (
        <Button type="link" size="small" onClick={() => onChange({})} style={{ paddingInline: 0, marginBottom: 8 }}>
          {t('catalog.clearFilters')}
        </Button>
      ) : null}
      <Collapse
        ghost
        size="small"
        defaultActiveKey={[...FACETS]}
        items={FACETS.map((facet) => ({
          key: facet,
          label: <Typography.Text strong>{t(FACET_TITLES[facet])}</Typography.Text>,
          children: (
            <Checkbox.Group
              data-facet={facet}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={options(facet)}
              value={[...(filters[facet] ?? [])]}
              onChange={(values) => onChange({ ...filters, [facet]: values.map(String) })}
            />
          ),
        }))}
      />
    </div>
  )
}
