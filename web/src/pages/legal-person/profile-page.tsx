import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Divider, Empty, Flex, Result, Row, Space, Spin, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { isNotGranted } from '../../api/exchange'
import { useEntity, useEntityHistory, useEntityProfile, useLegalPersonBinding, type Attachment, type EntityEvent, type Profile } from '../../api/legal-persons'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { AttachmentCard, UngrantedAttachments } from '../registry/attachments'
import { ChangeTimeline, type ChangeLabels } from '../registry/change-timeline'
import { useCoreMasked } from '../registry/masking'
import { NotGranted } from '../registry/not-granted'
import { clearText, EntityRecordView, StatusTag } from './entity-record'
import { EVENT_COLORS, HIGHLIGHTED_EVENTS, useEntityLabels } from './legal-person-labels'
import { SEARCH_PATH } from './legal-person-paths'

/** The attachments a reader looks at first: the 双公示 licences and penalties, which the catalog names as such. */
type KeyKind = 'licences' | 'penalties'

function keyKindOf(attachment: Attachment): KeyKind | undefined {
  if (attachment.name.includes('行政许可')) return 'licences'
  if (attachment.name.includes('行政处罚')) return 'penalties'
  return undefined
}

/** How many records a licence or penalty attachment holds, in red for penalties. */
function CountTag({ kind, count }: { readonly kind: KeyKind; readonly count: number }) {
  const { t } = useLanguage()
  const color = count === 0 ? 'default' : kind === 'penalties' ? 'red' : 'blue'
  return (
    <Tag color={color} data-testid={`${kind}-count`} data-count={count}>
      {t('legalPerson.profile.records', { n: count })}
    </Tag>
  )
}

/** 变更记录: the changes of the core record, a rename, a new representative and a change of status drawn prominently. */
function ChangeRecord({ creditCode }: { readonly creditCode: string }) {
  const labels = useEntityLabels()
  const history = useEntityHistory(creditCode)
  const timelineLabels = useMemo<ChangeLabels<EntityEvent>>(
    () => ({
      item: labels.item,
      value: labels.value,
      event: labels.event,
      color: (event) => EVENT_COLORS[event],
      highlighted: (event) => HIGHLIGHTED_EVENTS.has(event),
    }),
    [labels],
  )
  return <ChangeTimeline history={history} labels={timelineLabels} />
}

/** The core record today, or as it stood on a chosen day (re-read with ?asOf). */
function CoreCard({ profile }: { readonly profile: Profile }) {
  const { t } = useLanguage()
  const binding = useLegalPersonBinding()
  const masked = useCoreMasked(binding.data?.code)
  const [asOf, setAsOf] = useState<string>()
  const past = useEntity(asOf === undefined ? undefined : profile.creditCode, { asOf })
  const pastMissing = past.error instanceof ApiError && past.error.status === 404
  return (
    <Card
      title={t('legalPerson.core')}
      extra={
        <Space size={8} wrap>
          <Typography.Text type="secondary">{t('legalPerson.profile.asOf')}</Typography.Text>
          <DatePicker
            allowClear
            placeholder={t('legalPerson.profile.today')}
            value={asOf === undefined ? null : dayjs(asOf)}
            onChange={(day) => setAsOf(day === null ? undefined : day.format('YYYY-MM-DD'))}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            data-testid="as-of"
          />
        </Space>
      }
      data-testid="core-card"
    >
      {asOf === undefined ? (
        <EntityRecordView record={profile.entity} masked={masked} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('legalPerson.profile.asOfNote', { date: asOf })} data-testid="as-of-note" />
          {past.isPending ? <Spin /> : null}
          {pastMissing ? <Empty description={t('legalPerson.profile.notYet', { date: asOf })} /> : null}
          {past.isError && !pastMissing ? <ProblemAlert error={past.error} /> : null}
          {past.isSuccess ? <EntityRecordView record={past.data} masked={masked} testId="entity-record-as-of" /> : null}
        </Space>
      )}
    </Card>
  )
}

/**
 * The departments' attachments: the licences and penalties first, as tables with their counts,
 * then the other granted ones, then those without a grant, greyed, each with the way to ask for it.
 */
function Attachments({ attachments }: { readonly attachments: readonly Attachment[] }) {
  const { t } = useLanguage()
  const granted = attachments.filter((attachment) => attachment.granted)
  const keyAttachments = attachments.filter((attachment) => keyKindOf(attachment) !== undefined)
  const otherGranted = granted.filter((attachment) => keyKindOf(attachment) === undefined)
  const otherUngranted = attachments.filter((attachment) => !attachment.granted && keyKindOf(attachment) === undefined)
  const keyUngranted = keyAttachments.filter((attachment) => !attachment.granted)
  const emptyText = t('legalPerson.profile.noRecords')
  return (
    <Card title={t('legalPerson.profile.attachments', { granted: granted.length, total: attachments.length })} data-testid="attachments">
      {attachments.length === 0 ? (
        <Empty description={t('legalPerson.profile.noAttachments')} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {keyAttachments.length === 0 ? null : (
            <div data-testid="key-attachments">
              <Divider titlePlacement="start" style={{ marginTop: 0 }}>
                {t('legalPerson.profile.licencesAndPenalties')}
              </Divider>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {keyAttachments.flatMap((attachment) => {
                  const kind = keyKindOf(attachment)
                  return attachment.granted && kind !== undefined
                    ? [
                        <AttachmentCard
                          key={attachment.code}
                          attachment={attachment}
                          emptyText={emptyText}
                          tag={<CountTag kind={kind} count={attachment.records.length} />}
                        />,
                      ]
                    : []
                })}
                {keyUngranted.length === 0 ? null : <UngrantedAttachments attachments={keyUngranted} />}
              </Space>
            </div>
          )}
          {otherGranted.length === 0 && otherUngranted.length === 0 ? null : (
            <div data-testid="other-attachments">
              {keyAttachments.length === 0 ? null : <Divider titlePlacement="start">{t('legalPerson.profile.otherAttachments')}</Divider>}
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {otherGranted.map((attachment) => (
                  <AttachmentCard key={attachment.code} attachment={attachment} emptyText={emptyText} />
                ))}
                {otherUngranted.length === 0 ? null : <UngrantedAttachments attachments={otherUngranted} />}
              </Space>
            </div>
          )}
        </Space>
      )}
    </Card>
  )
}

function ProfileView({ profile }: { readonly profile: Profile }) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const navigate = useNavigate()
  const location = useLocation()
  const entity = profile.entity
  const name = clearText(entity.name) ?? labels.value('name', entity.name)
  const status = clearText(entity.registration_status)
  const entityType = clearText(entity.entity_type)
  const source = clearText(entity.source_department)
  const former = clearText(entity.former_name)
  const counts = profile.attachments.flatMap((attachment) => {
    const kind = keyKindOf(attachment)
    return kind === undefined || !attachment.granted ? [] : [{ kind, count: attachment.records.length, code: attachment.code }]
  })
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="profile-title">
              {t('legalPerson.profile.title', { name: name === '' ? profile.creditCode : name })}
            </Typography.Title>
            <Space size={[8, 4]} wrap>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="profile-code">
                {profile.creditCode}
              </Typography.Text>
              {status === undefined ? null : <StatusTag code={status} />}
              {entityType === undefined ? null : <Tag>{labels.entityType(entityType)}</Tag>}
              {source === undefined ? null : <Tag variant="filled">{labels.source(source)}</Tag>}
              {counts.map((count) => (
                <Space key={count.code} size={4}>
                  <Typography.Text type="secondary">{t(`legalPerson.profile.${count.kind}`)}</Typography.Text>
                  <CountTag kind={count.kind} count={count.count} />
                </Space>
              ))}
            </Space>
            {former === undefined ? null : (
              <div>
                <Typography.Text type="secondary">{t('legalPerson.search.formerName', { name: former })}</Typography.Text>
              </div>
            )}
          </div>
          {/* The first page of a tab has no history to go back to. */}
          {location.key === 'default' ? (
            <Link to={SEARCH_PATH}>
              <Button icon={<ArrowLeftOutlined />}>{t('nav.legalPersonSearch')}</Button>
            </Link>
          ) : (
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
              {t('common.back')}
            </Button>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <CoreCard profile={profile} />
            <Attachments attachments={profile.attachments} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('legalPerson.history.title')} data-testid="history">
            <ChangeRecord creditCode={profile.creditCode} />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}

/** 一企一档: the core record (today or on a past day), the attachments of other departments, and the change record. */
export default function ProfilePage() {
  const { t } = useLanguage()
  const creditCode = useParams().creditCode ?? ''
  const binding = useLegalPersonBinding()
  const profile = useEntityProfile(creditCode)
  if (profile.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return (
        <Card>
          <Result status="404" title={t('legalPerson.notFound')} subTitle={creditCode} extra={<Link to={SEARCH_PATH}>{t('nav.legalPersonSearch')}</Link>} />
        </Card>
      )
    }
    return (
      <Card>
        {isNotGranted(profile.error) ? (
          <NotGranted code={binding.data?.code} name={t('legalPerson.core')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ProblemAlert error={profile.error} />
            <Link to={SEARCH_PATH}>{t('nav.legalPersonSearch')}</Link>
          </Space>
        )}
      </Card>
    )
  }
  return <ProfileView profile={profile.data} />
}
