import { IdcardOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Empty, Form, Input, Space, Spin, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { Link, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client'
import { isNotGranted } from '../../api/exchange'
import { usePerson, usePopulationBinding, useSearchPersons, type PersonItem, type PersonRecord } from '../../api/population'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { useCoreMasked } from '../registry/masking'
import { NotGranted } from './not-granted'
import { PersonRecordView, StatusTag } from './person-record'
import { usePersonLabels } from './population-labels'
import { profilePath } from './population-paths'

type Mode = 'id' | 'name'

/** The items a search result lists, when granted; the profile shows the rest. */
const RESULT_ITEMS: readonly PersonItem[] = ['resident_id', 'name', 'gender', 'ethnic_group', 'birth_date', 'household_address', 'status']

const PAGE_SIZES = [10, 20, 50]

/** The ID to open a profile with: the one the record gives, unless it comes masked. */
function idOf(record: PersonRecord, fallback: string): string | undefined {
  const id = record.resident_id
  if (typeof id === 'string' && id !== '' && !id.includes('*')) return id
  return fallback === '' ? undefined : fallback
}

function PersonResult({ id, purpose }: { readonly id: string; readonly purpose: string }) {
  const { t } = useLanguage()
  const binding = usePopulationBinding()
  const masked = useCoreMasked(binding.data?.code)
  const person = usePerson(id, { purpose })
  if (person.isPending) return <Spin style={{ display: 'block', margin: '24px auto' }} />
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404) {
      return (
        <Card>
          <Empty description={t('population.notFound')} data-testid="person-not-found" />
        </Card>
      )
    }
    return isNotGranted(person.error) ? (
      <Card>
        <NotGranted />
      </Card>
    ) : (
      <ProblemAlert error={person.error} />
    )
  }
  const profileId = idOf(person.data, id)
  return (
    <Card
      title={t('population.lookup.result')}
      extra={
        profileId === undefined ? null : (
          <Link to={profilePath(profileId)}>
            <Button type="primary" icon={<IdcardOutlined />} data-testid="open-profile">
              {t('population.profile.open')}
            </Button>
          </Link>
        )
      }
    >
      <PersonRecordView record={person.data} masked={masked} />
    </Card>
  )
}

function SearchResults({
  name,
  birthDate,
  page,
  pageSize,
  onPage,
}: {
  readonly name: string
  readonly birthDate: string | undefined
  readonly page: number
  readonly pageSize: number
  readonly onPage: (page: number, pageSize: number) => void
}) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const binding = usePopulationBinding()
  const masked = useCoreMasked(binding.data?.code)
  const results = useSearchPersons({ name, birthDate, page, pageSize })
  if (results.isError && isNotGranted(results.error)) {
    return (
      <Card>
        <NotGranted />
      </Card>
    )
  }
  const items = results.data?.items ?? []
  const present = RESULT_ITEMS.filter((key) => items.some((record) => key in record))
  const columns: TableColumnsType<PersonRecord> = [
    ...present.map((key) => ({
      title: (
        <span>
          {labels.item(key)}
          {masked.has(key) ? <Typography.Text type="warning"> · {t('exchange.masked')}</Typography.Text> : null}
        </span>
      ),
      key,
      render: (_: unknown, record: PersonRecord) => {
        const value = record[key]
        if (key === 'status' && typeof value === 'string' && value !== '') return <StatusTag code={value} />
        const text = labels.value(key, value)
        return key === 'resident_id' ? <Typography.Text style={{ fontFamily: 'monospace' }}>{text}</Typography.Text> : text
      },
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right' as const,
      render: (_: unknown, record: PersonRecord) => {
        const id = idOf(record, '')
        return id === undefined ? (
          <Typography.Text type="secondary">{t('population.search.idMasked')}</Typography.Text>
        ) : (
          <Link to={profilePath(id)} data-action="profile">
            {t('population.profile.open')}
          </Link>
        )
      },
    },
  ]
  return (
    <Card title={t('population.search.results', { name })}>
      {results.isError ? <ProblemAlert error={results.error} /> : null}
      <Table<PersonRecord>
        rowKey={(record) => Object.values(record).join('|')}
        size="small"
        columns={columns}
        dataSource={items}
        loading={results.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('population.search.none') }}
        data-testid="search-results"
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

interface IdForm {
  readonly residentId: string
  readonly purpose?: string
}

interface NameForm {
  readonly name: string
  readonly birthDate?: Dayjs | null
}

/**
 * 人员查询: one person by resident ID (with the purpose of the read, kept in the audit), or
 * persons by exact name and date of birth; either leads to the person's profile. The query
 * lives in the address, so going back from a profile returns to the results.
 */
export default function LookupPage() {
  const { t } = useLanguage()
  const [params, setParams] = useSearchParams()
  const mode: Mode = params.get('by') === 'name' ? 'name' : 'id'
  const id = params.get('id') ?? ''
  const purpose = params.get('purpose') ?? ''
  const name = params.get('name') ?? ''
  const birthDate = params.get('birthDate') ?? undefined
  const birthDay = birthDate === undefined || !dayjs(birthDate).isValid() ? null : dayjs(birthDate)
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const pageSize = Number(params.get('size') ?? '20') || 20

  const lookUp = (values: IdForm) => {
    const search = new URLSearchParams({ id: values.residentId.trim() })
    if (values.purpose !== undefined && values.purpose.trim() !== '') search.set('purpose', values.purpose.trim())
    setParams(search)
  }
  const searchByName = (values: NameForm, nextPage = 1, size = pageSize) => {
    const search = new URLSearchParams({ by: 'name', name: values.name.trim() })
    if (values.birthDate !== undefined && values.birthDate !== null) search.set('birthDate', values.birthDate.format('YYYY-MM-DD'))
    if (nextPage > 1) search.set('page', String(nextPage))
    if (size !== 20) search.set('size', String(size))
    setParams(search)
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.populationLookup')}>
        <Typography.Paragraph type="secondary">{t('population.lookup.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={mode}
          onChange={(key) => setParams(key === 'name' ? { by: 'name' } : {})}
          items={[
            {
              key: 'id',
              label: t('population.lookup.byId'),
              children: (
                <Form<IdForm> layout="vertical" initialValues={{ residentId: id, purpose }} onFinish={lookUp} style={{ maxWidth: 520 }}>
                  <Form.Item
                    name="residentId"
                    label={t('population.item.resident_id')}
                    rules={[{ required: true, whitespace: true, message: t('population.lookup.idRequired') }]}
                  >
                    <Input maxLength={30} allowClear style={{ fontFamily: 'monospace' }} data-testid="lookup-id" />
                  </Form.Item>
                  <Form.Item name="purpose" label={t('exchange.explore.purpose')}>
                    <Input maxLength={200} placeholder={t('population.lookup.purposePlaceholder')} data-testid="lookup-purpose" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="lookup-submit">
                    {t('exchange.explore.search')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'name',
              label: t('population.lookup.byName'),
              children: (
                <Form<NameForm>
                  layout="vertical"
                  initialValues={{ name, birthDate: birthDay }}
                  onFinish={(values) => searchByName(values)}
                  style={{ maxWidth: 520 }}
                >
                  <Form.Item
                    name="name"
                    label={t('population.item.name')}
                    extra={t('population.search.exact')}
                    rules={[{ required: true, whitespace: true, message: t('population.search.nameRequired') }]}
                  >
                    <Input maxLength={50} allowClear data-testid="search-name" />
                  </Form.Item>
                  <Form.Item name="birthDate" label={t('population.item.birth_date')}>
                    <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} data-testid="search-birth-date" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="search-submit">
                    {t('exchange.explore.search')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      </Card>
      {mode === 'id' && id !== '' ? <PersonResult key={`${id}|${purpose}`} id={id} purpose={purpose} /> : null}
      {mode === 'name' && name !== '' ? (
        <SearchResults
          name={name}
          birthDate={birthDate}
          page={page}
          pageSize={pageSize}
          onPage={(next, size) => searchByName({ name, birthDate: birthDay }, next, size)}
        />
      ) : null}
    </Space>
  )
}
