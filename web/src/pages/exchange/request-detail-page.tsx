import { Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { codeToPath, useResource } from '../../api/catalog'
import { useSharingRequest, type SharingRequest } from '../../api/exchange'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { ShareTypeTag } from '../catalog/catalog-tags'
import NotFoundPage from '../not-found-page'
import { DeadlineTag, ItemTags, OperationTags, RequestStatusTag, useDepartmentLabel } from './exchange-tags'
import { RequestActions } from './request-actions'

function RequestDetail({ request }: { readonly request: SharingRequest }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const departmentName = useDepartmentLabel()
  const resource = useResource(request.resourceCode)
  const shareType = request.shareType === 'unconditional' || request.shareType === 'conditional' || request.shareType === 'none' ? request.shareType : undefined
  return (
    <Card
      title={
        <Space wrap>
          <span>{t('nav.exchangeRequest')}</span>
          <RequestStatusTag status={request.status} />
        </Space>
      }
      extra={
        <Link to="/exchange/requests">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="request-detail">
          <Descriptions.Item label={t('exchange.resource')} span={2}>
            <Link to={`/catalog/${codeToPath(request.resourceCode)}`}>{request.resourceName}</Link>{' '}
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
              {request.resourceCode}
            </Typography.Text>{' '}
            {shareType === undefined ? null : <ShareTypeTag value={shareType} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.provider')}>{departmentName(request.provider)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.consumer')}>{departmentName(request.consumer)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.items')} span={2}>
            <ItemTags items={request.items} catalogItems={resource.data?.version.content.items} />
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.operations')} span={2}>
            <OperationTags operations={request.operations} />
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.purpose')} span={2}>
            {request.purpose}
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.legalBasis')} span={2}>
            {request.legalBasis}
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.validity')}>
            {request.validFrom} ~ {request.validUntil}
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.deadline')}>
            <DeadlineTag deadline={request.deadline} status={request.status} overdue={request.overdue} />
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.requestedBy')}>{request.requestedBy}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.createdAt')}>{formatDateTime(request.createdAt)}</Descriptions.Item>
          {request.decidedAt === null ? null : (
            <>
              <Descriptions.Item label={t('exchange.decidedBy')}>
                {request.decidedBy === 'system:unconditional' ? t('exchange.grant.automatic') : request.decidedBy}
              </Descriptions.Item>
              <Descriptions.Item label={t('exchange.decidedAt')}>{formatDateTime(request.decidedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('exchange.decisionReason')} span={2}>
                {request.decisionReason ?? ''}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
        <Space wrap>
          <RequestActions request={request} size="middle" />
          {request.grantId === null ? null : (
            <Link to="/exchange/grants">
              <Button>{t('exchange.viewGrant')}</Button>
            </Link>
          )}
        </Space>
      </Space>
    </Card>
  )
}

/** One sharing request with everything asked for, the deadline, the decision and what the caller may do now. */
export default function RequestDetailPage() {
  const { t } = useLanguage()
  const request = useSharingRequest(useParams().id ?? '')
  if (request.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (request.isError) {
    if (request.error instanceof ApiError && request.error.status === 404) return <NotFoundPage />
    if (request.error instanceof ApiError && request.error.status === 403)
      return <Result status="403" title={t('forbidden.title')} subTitle={request.error.detail} />
    return <ProblemAlert error={request.error} />
  }
  return <RequestDetail request={request.data} />
}
