import { ShopOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { isNotGranted } from '../../api/exchange'
import { useLegalPersonBinding, useSearchEntities, type EntityItem, type EntityRecord } from '../../api/legal-persons'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { MaskedMark, useCoreMasked } from '../registry/masking'
import { NotGranted } from '../registry/not-granted'
import { clearText, entityValue } from './entity-record'
import { useEntityLabels } from './legal-person-labels'
import { profilePath } from './legal-person-paths'

/** The items a result lists, when granted; the profile shows the rest. */
const RESULT_ITEMS: readonly EntityItem[] = [
  'credit_code',
  'name',
  'legal_representative',
  'entity_type',
  'registered_capital',
  'established_on',
  'division_code',
  'registration_status',
]

const PAGE_SIZES = [10, 20, 50]

interface Row {
  /** The place in the server's ranking, 1 for the most relevant. */
  readonly rank: number
  readonly record: EntityRecord
}

/** Sorting within the page: the server ranks by relevance and pages, so a column sorts the rows at hand. */
const SORTERS: Partial<Record<EntityItem, (a: EntityRecord, b: EntityRecord) => number>> = {
  name: (a, b) => String(a.name ?? '').localeCompare(String(b.name ?? ''), 'zh-CN'),
  registered_capital: (a, b) => (Number(a.registered_capital) || 0) - (Number(b.registered_capital) || 0),
  established_on: (a, b) => String(a.established_on ?? '').localeCompare(String(b.established_on ?? '')),
  registration_status: (a, b) => String(a.registration_status ?? '').localeCompare(String(b.registration_status ?? '')),
}

/**
 * A code typed whole, which the profile opens directly: an 18-character credit code, a
 * 9-character organisation code (a digit among them, so pinyin initials do not count), or a
 * 15-digit registration number.
 */
function wholeCode(q: string): string | undefined {
  const text = q.trim().toUpperCase()
  if (/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(text) || /^\d{15}$/.test(text)) return text
  const organisation = text.replace('-', '')
  return /^[0-9A-Z]{8}[0-9X]$/.test(organisation) && /\d/.test(organisation) ? organisation : undefined
}

function Results({
  q,
  page,
  pageSize,
  onPage,
}: {
  readonly q: string
  readonly page: number
  readonly pageSize: number
  readonly onPage: (page: number, pageSize: number) => void
}) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const navigate = useNavigate()
  const binding = useLegalPersonBinding()
  const masked = useCoreMasked(binding.data?.code)
  const results = useSearchEntities({ q, page, pageSize })
  if (results.isError && isNotGranted(results.error)) {
    return (
      <Card>
        <NotGranted code={binding.data?.code} name={t('legalPerson.core')} />
      </Card>
    )
  }
  const items = results.data?.items ?? []
  const rows: Row[] = items.map((record, index) => ({ rank: (page - 1) * pageSize + index + 1, record }))
  const present = RESULT_ITEMS.filter((key) => items.some((record) => key in record))
  const columns: TableColumnsType<Row> = [
    { title: t('legalPerson.search.rank'), key: 'rank', dataIndex: 'rank', width: 64, sorter: (a, b) => a.rank - b.rank },
    ...present.map((key) => {
      const sorter = SORTERS[key]
      return {
        title: (
          <span data-item={key}>
            {labels.item(key)}
            {masked.has(key) ? <MaskedMark /> : null}
          </span>
        ),
        key,
        ...(sorter === undefined ? {} : { sorter: (a: Row, b: Row) => sorter(a.record, b.record) }),
        render: (_: unknown, row: Row) => {
          const code = clearText(row.record.credit_code)
          if (key !== 'name' || code === undefined) return entityValue(labels, row.record, key)
          const former = clearText(row.record.former_name)
          return (
            <Space orientation="vertical" size={0}>
              <Link to={profilePath(code)} onClick={(event) => event.stopPropagation()} data-action="profile">
                {labels.value('name', row.record.name)}
              </Link>
              {former === undefined ? null : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('legalPerson.search.formerName', { name: former })}
                </Typography.Text>
              )}
            </Space>
          )
        },
      }
    }),
  ]
  return (
    <Card title={t('legalPerson.search.results', { q })}>
      {results.isError ? <ProblemAlert error={results.error} /> : null}
      <Table<Row>
        rowKey={(row) => String(row.record.credit_code ?? row.rank)}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={results.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('legalPerson.search.none') }}
        data-testid="search-results"
        onRow={(row) => {
          const code = clearText(row.record.credit_code)
          return code === undefined ? {} : { onClick: () => void navigate(profilePath(code)), style: { cursor: 'pointer' } }
        }}
        pagination={{
          current: page,
          pageSize,
          total: results.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => onPage(size === pageSize ? next : 1, size),
        }}
      />
    </Card>
  )
}

interface SearchForm {
  readonly q: string
}

/**
 * 法人查询: entities by a part of the name, the words in any order, pinyin or its initials, or the
 * first characters of the credit code, most relevant first; a result opens the entity's profile.
 * The query lives in the address, so going back from a profile returns to the results.
 */
export default function SearchPage() {
  const { t } = useLanguage()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const pageSize = Number(params.get('size') ?? '20') || 20
  const code = wholeCode(q)

  const search = (text: string, nextPage = 1, size = pageSize) => {
    const next = new URLSearchParams({ q: text.trim() })
    if (nextPage > 1) next.set('page', String(nextPage))
    if (size !== 20) next.set('size', String(size))
    setParams(next)
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.legalPersonSearch')}>
        <Typography.Paragraph type="secondary">{t('legalPerson.search.intro')}</Typography.Paragraph>
        {/* Keyed by the query, so going back and forth in the history shows the query of the address. */}
        <Form<SearchForm> key={q} layout="vertical" initialValues={{ q }} onFinish={(values) => search(values.q)} style={{ maxWidth: 640 }}>
          <Form.Item
            name="q"
            label={t('legalPerson.search.label')}
            extra={t('legalPerson.search.hint')}
            rules={[{ required: true, whitespace: true, message: t('legalPerson.search.required') }]}
          >
            <Input maxLength={100} allowClear placeholder={t('legalPerson.search.placeholder')} data-testid="search-q" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="search-submit">
            {t('exchange.explore.search')}
          </Button>
        </Form>
      </Card>
      {code === undefined ? null : (
        <Alert
          type="info"
          showIcon
          title={t('legalPerson.search.wholeCode', { code })}
          action={
            <Link to={profilePath(code)}>
              <Button size="small" type="primary" icon={<ShopOutlined />} data-testid="open-code">
                {t('legalPerson.profile.open')}
              </Button>
            </Link>
          }
        />
      )}
      {q === '' ? null : <Results q={q} page={page} pageSize={pageSize} onPage={(next, size) => search(q, next, size)} />}
    </Space>
  )
}
