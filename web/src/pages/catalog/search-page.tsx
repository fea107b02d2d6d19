import { CloudDownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons'
import { App, AutoComplete, Badge, Button, Card, Col, Drawer, Empty, Flex, Grid, Input, List, Pagination, Row, Select, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { codeToPath, downloadDcat, FACETS, SORTS, useCatalogSearch, useSuggestions, type SearchDocument } from '../../api/catalog'
import { useMe } from '../../api/identity'
import { useDepartmentName } from '../../auth/labels'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { useCatalogLabels } from './catalog-labels'
import { ShareTypeTag } from './catalog-tags'
import { FacetPanel } from './facet-panel'
import { PAGE_SIZES, searchToParams, useSearchState } from './search-params'

const SUGGEST_DELAY_MS = 250

/** Text that settles: the value once it has not changed for `delay` ms. */
function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

function SearchBox({ initial, onSearch }: { readonly initial: string; readonly onSearch: (q: string) => void }) {
  const { t } = useLanguage()
  const navigate = useNavigate()
  const [text, setText] = useState(initial)
  useEffect(() => setText(initial), [initial])
  const suggestions = useSuggestions(useDebounced(text, SUGGEST_DELAY_MS))
  const options =
    text.trim() === ''
      ? []
      : (suggestions.data ?? []).map((suggestion) => ({
          value: suggestion.code,
          label: (
            <Flex justify="space-between" gap={8}>
              <span>{suggestion.name}</span>
              <Typography.Text type="secondary" ellipsis>
                {suggestion.department}
              </Typography.Text>
            </Flex>
          ),
        }))
  return (
    <div data-testid="catalog-search">
      <AutoComplete
        value={text}
        options={options}
        onChange={setText}
        // Enter searches the text typed; a suggestion is opened only when picked.
        defaultActiveFirstOption={false}
        onSelect={(code: string) => void navigate(`/catalog/${codeToPath(code)}`)}
        style={{ width: '100%' }}
      >
        <Input.Search
          size="large"
          allowClear
          enterButton={t('catalog.search')}
          placeholder={t('catalog.searchPlaceholder')}
          onSearch={(value) => onSearch(value)}
        />
      </AutoComplete>
    </div>
  )
}

function ResultCard({ resource }: { readonly resource: SearchDocument }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const departmentName = useDepartmentName()
  return (
    <Card size="small" hoverable data-testid="catalog-result" data-code={resource.code} style={{ width: '100%' }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Link to={`/catalog/${codeToPath(resource.code)}`} style={{ fontSize: 16, fontWeight: 600 }}>
          {resource.name}
        </Link>
        <Typography.Text type="secondary" copyable={{ text: resource.code }} style={{ fontFamily: 'monospace' }}>
          {resource.code}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{departmentName(resource.department)}</Typography.Text>
      <Space size={[4, 4]} wrap style={{ display: 'flex', margin: '6px 0' }}>
        <ShareTypeTag value={resource.shareType} />
        <Tag color={resource.open ? 'blue' : 'default'}>{t(resource.open ? 'catalog.open' : 'catalog.closed')}</Tag>
        <Tag>{labels.updateCycle(resource.updateCycle)}</Tag>
        <Tag>
          {labels.formatClass(resource.formatClass)} · {resource.formatType}
        </Tag>
        <Tag>{labels.classification(resource.classification)}</Tag>
        <Typography.Text type="secondary">{t('catalog.items', { n: resource.itemCount })}</Typography.Text>
      </Space>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
        {resource.abstract}
      </Typography.Paragraph>
      {resource.tags.length === 0 ? null : (
        <Space size={[4, 4]} wrap>
          {resource.tags.map((tag) => (
            <Tag key={tag} bordered={false} color="red">
              #{tag}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  )
}

/** 资源目录: full-text search (Chinese, pinyin, initials) with facets; the search lives in the URL. */
export default function CatalogSearchPage() {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const narrow = screens.lg === false
  const [drawerOpen, setDrawerOpen] = useState(false)
  const { data: me } = useMe()
  const [query, update] = useSearchState()
  const search = useCatalogSearch(query)
  const chosen = FACETS.reduce((sum, facet) => sum + (query.filters[facet]?.length ?? 0), 0)
  const isSteward = me?.roles.includes('steward') === true

  const facetPanel = <FacetPanel facets={search.data?.facets} filters={query.filters} onChange={(filters) => update({ filters })} />

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.catalog')}
          </Typography.Title>
          <Space wrap>
            <Button
              icon={<CloudDownloadOutlined />}
              onClick={() => void downloadDcat().catch((error: unknown) => message.error(String(error)))}
              data-testid="dcat-export"
            >
              {t('catalog.dcat')}
            </Button>
            <Link to={`/catalog/transfer?${searchToParams(query).toString()}`}>
              <Button>{t('catalog.transfer.export')}</Button>
            </Link>
            {isSteward ? (
              <Link to="/catalog/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('catalog.register')}
                </Button>
              </Link>
            ) : null}
          </Space>
        </Flex>
        <Typography.Paragraph type="secondary">{t('module.catalog')}</Typography.Paragraph>
        <SearchBox initial={query.q} onSearch={(q) => update({ q })} />
      </Card>
      <Row gutter={[16, 16]}>
        {narrow ? null : (
          <Col lg={6}>
            <Card size="small" title={t('catalog.filters')}>
              {facetPanel}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={18}>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Space>
              {narrow ? (
                <Badge count={chosen} size="small">
                  <Button icon={<FilterOutlined />} onClick={() => setDrawerOpen(true)} data-testid="open-filters">
                    {t('catalog.filters')}
                  </Button>
                </Badge>
              ) : null}
              <Typography.Text data-testid="catalog-total">{t('catalog.found', { n: search.data?.total ?? 0 })}</Typography.Text>
            </Space>
            <Space>
              <Typography.Text type="secondary">{t('catalog.sort')}</Typography.Text>
              <Select
                value={query.sort}
                style={{ width: 140 }}
                onChange={(sort) => update({ sort })}
                options={SORTS.map((sort) => ({ value: sort, label: t(`catalog.sort.${sort}`) }))}
                data-testid="catalog-sort"
              />
            </Space>
          </Flex>
          {search.isError ? <ProblemAlert error={search.error} /> : null}
          <List
            data-testid="catalog-results"
            loading={search.isPending}
            dataSource={search.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('catalog.noResults')} /> }}
            renderItem={(resource) => (
              <List.Item key={resource.code} style={{ paddingBlock: 6, borderBlockEnd: 'none' }}>
                <ResultCard resource={resource} />
              </List.Item>
            )}
          />
          {(search.data?.total ?? 0) > 0 ? (
            <Pagination
              style={{ marginTop: 12, justifyContent: 'flex-end' }}
              current={query.page}
              pageSize={query.pageSize}
              total={search.data?.total ?? 0}
              pageSizeOptions={PAGE_SIZES.map(String)}
              showSizeChanger
              showTotal={(total) => t('common.total', { n: total })}
              onChange={(page, pageSize) => update({ page: pageSize === query.pageSize ? page : 1, pageSize })}
              size={narrow ? 'small' : undefined}
            />
          ) : null}
        </Col>
      </Row>
      {narrow ? (
        <Drawer title={t('catalog.filters')} placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={300}>
          {facetPanel}
        </Drawer>
      ) : null}
    </Space>
  )
}
