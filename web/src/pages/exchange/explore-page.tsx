import { LockOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Descriptions, Input, Result, Row, Space, Spin, Tabs, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { codeFromPath, codeToPath, useResource, type ResourceView } from '../../api/catalog'
import { useGrants, useRaiseObjection } from '../../api/exchange'
import { useMe } from '../../api/identity'
import { ProblemAlert } from '../../components/problem-alert'
import { TextPromptModal } from '../../components/text-prompt-modal'
import { useLanguage } from '../../language'
import NotFoundPage from '../not-found-page'
import { accessOf, type Access } from './explore-access'
import { ItemTags, OperationTags, useDepartmentLabel, useOperationLabel } from './exchange-tags'
import { RecordLookup, VerifyForm } from './record-lookup'
import { RecordsQuery } from './records-query'
import { RequestAccessDrawer } from './request-access-drawer'

/** 未获授权: what a department without an effective grant sees, with the way to ask for one. */
function NotGranted({ view }: { readonly view: ResourceView }) {
  const { t } = useLanguage()
  const [open, setOpen] = useState(false)
  const shared = view.version.content.shareType !== 'none'
  return (
    <Card>
      <Result
        icon={<LockOutlined style={{ color: '#b7312c' }} />}
        title={<span data-testid="not-granted">{t('exchange.explore.notGranted')}</span>}
        subTitle={
          <>
            <div>{view.version.content.name}</div>
            <div>{shared ? t('exchange.explore.notGrantedDetail') : t('exchange.notShared')}</div>
          </>
        }
        extra={[
          shared ? (
            <Button key="request" type="primary" onClick={() => setOpen(true)} data-testid="request-access">
              {t('exchange.requestAccess')}
            </Button>
          ) : null,
          <Link key="back" to="/exchange/grants">
            <Button>{t('exchange.explore.back')}</Button>
          </Link>,
        ]}
      />
      {shared ? <RequestAccessDrawer code={view.code} content={view.version.content} open={open} onClose={() => setOpen(false)} /> : null}
    </Card>
  )
}

function Explorer({ view, access, onNotGranted }: { readonly view: ResourceView; readonly access: Access; readonly onNotGranted: () => void }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const departmentName = useDepartmentLabel()
  const operationLabel = useOperationLabel()
  const [purpose, setPurpose] = useState('')
  const [objecting, setObjecting] = useState<string>()
  const raise = useRaiseObjection()
  const operations = [...access.operations]
  const missing = (operation: 'lookup' | 'query' | 'verify') => (
    <Typography.Text type="secondary">{t('exchange.explore.noOperation', { operation: operationLabel(operation) })}</Typography.Text>
  )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="explore-title">
          {t('exchange.explore.title', { name: view.version.content.name })}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('catalog.code')}>
            <Link to={`/catalog/${codeToPath(view.code)}`} style={{ fontFamily: 'monospace' }}>
              {view.code}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.provider')}>{departmentName(view.department)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.explore.grantedItems')} span={2}>
            {access.own ? (
              t('exchange.explore.own')
            ) : (
              <ItemTags items={access.items.map(({ item, masked }) => ({ key: item.key, masked }))} catalogItems={view.version.content.items} />
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.operations')} span={2}>
            <OperationTags operations={operations} />
          </Descriptions.Item>
        </Descriptions>
        <Input
          value={purpose}
          onChange={(event) => setPurpose(event.target.value)}
          maxLength={200}
          placeholder={t('exchange.explore.purpose')}
          style={{ maxWidth: 520, marginTop: 8 }}
          data-testid="read-purpose"
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'query',
              label: t('exchange.explore.query'),
              children: access.operations.has('query') ? (
                <RecordsQuery code={view.code} access={access} purpose={purpose} onNotGranted={onNotGranted} onObject={setObjecting} />
              ) : (
                missing('query')
              ),
            },
            {
              key: 'lookup',
              label: t('exchange.explore.lookup'),
              children: (
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={14}>
                    {access.operations.has('lookup') ? (
                      <RecordLookup code={view.code} access={access} purpose={purpose} onNotGranted={onNotGranted} onObject={setObjecting} />
                    ) : (
                      missing('lookup')
                    )}
                  </Col>
                  <Col xs={24} xl={10}>
                    {access.operations.has('verify') ? (
                      <VerifyForm code={view.code} access={access} purpose={purpose} onNotGranted={onNotGranted} />
                    ) : (
                      missing('verify')
                    )}
                  </Col>
                </Row>
              ),
            },
          ]}
          data-testid="explore-tabs"
        />
      </Card>
      <TextPromptModal
        open={objecting !== undefined}
        title={t('exchange.objection.title', { key: objecting ?? '' })}
        label={t('exchange.objection.note')}
        requiredMessage={t('exchange.objection.noteRequired')}
        minLength={2}
        maxLength={2000}
        testId="objection"
        onClose={() => setObjecting(undefined)}
        onSubmit={async (note) => {
          if (objecting === undefined) return
          await raise.mutateAsync({ resource: view.code, recordKey: objecting, note })
          void message.success(t('exchange.objection.raised'))
        }}
      />
    </Space>
  )
}

/** 数据浏览: read a granted resource through the gate — lookup, query, verify, export, objections. */
export default function ExplorePage() {
  const code = codeFromPath(useParams().code ?? '')
  const { data: me } = useMe()
  const resource = useResource(code)
  const grants = useGrants('incoming', 'active')
  const [refused, setRefused] = useState(false)
  const onNotGranted = useCallback(() => setRefused(true), [])

  if (resource.isPending || grants.isPending || me === undefined) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />
    return <ProblemAlert error={resource.error} />
  }
  if (grants.isError) return <ProblemAlert error={grants.error} />
  const view = resource.data
  if (view.publishedVersion === null) return <NotFoundPage />
  const own = view.department.id === me.department.id
  const access = accessOf(
    view.version.content.items,
    grants.data.filter((grant) => grant.resourceCode === view.code),
    own,
  )
  if (access === undefined || refused) return <NotGranted view={view} />
  return <Explorer view={view} access={access} onNotGranted={onNotGranted} />
}
