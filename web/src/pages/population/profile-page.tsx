import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Result, Row, Space, Spin, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { isNotGranted } from '../../api/exchange'
import { usePerson, usePersonProfile, usePopulationBinding, type Profile } from '../../api/population'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { display } from '../exchange/explore-access'
import { AttachmentCard, UngrantedAttachments } from '../registry/attachments'
import { useCoreMasked } from '../registry/masking'
import { HistoryTimeline } from './history-timeline'
import { NotGranted } from './not-granted'
import { PersonRecordView, StatusTag } from './person-record'

/** The core record today, or as it stood on a chosen day (re-read with ?asOf). */
function CoreCard({ profile }: { readonly profile: Profile }) {
  const { t } = useLanguage()
  const binding = usePopulationBinding()
  const masked = useCoreMasked(binding.data?.code)
  const [asOf, setAsOf] = useState<string>()
  const past = usePerson(asOf === undefined ? undefined : profile.residentId, { asOf })
  const pastMissing = past.error instanceof ApiError && past.error.status === 404
  return (
    <Card
      title={t('population.core')}
      extra={
        <Space size={8} wrap>
          <Typography.Text type="secondary">{t('population.profile.asOf')}</Typography.Text>
          <DatePicker
            allowClear
            placeholder={t('population.profile.today')}
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
        <PersonRecordView record={profile.person} masked={masked} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('population.profile.asOfNote', { date: asOf })} data-testid="as-of-note" />
          {past.isPending ? <Spin /> : null}
          {pastMissing ? <Empty description={t('population.profile.notYet', { date: asOf })} /> : null}
          {past.isError && !pastMissing ? <ProblemAlert error={past.error} /> : null}
          {past.isSuccess ? <PersonRecordView record={past.data} masked={masked} testId="person-record-as-of" /> : null}
        </Space>
      )}
    </Card>
  )
}

function ProfileView({ profile }: { readonly profile: Profile }) {
  const { t } = useLanguage()
  const navigate = useNavigate()
  const location = useLocation()
  const name = display(profile.person.name)
  const status = profile.person.status
  const granted = profile.attachments.filter((attachment) => attachment.granted)
  const ungranted = profile.attachments.filter((attachment) => !attachment.granted)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="profile-title">
              {t('population.profile.title', { name: name === '' ? profile.residentId : name })}
            </Typography.Title>
            <Space size={[8, 4]} wrap>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="profile-id">
                {profile.residentId}
              </Typography.Text>
              {typeof status === 'string' && status !== '' ? <StatusTag code={status} /> : null}
            </Space>
          </div>
          {/* The first page of a tab has no history to go back to. */}
          {location.key === 'default' ? (
            <Link to="/population/persons">
              <Button icon={<ArrowLeftOutlined />}>{t('nav.populationLookup')}</Button>
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
            <Card title={t('population.profile.attachments', { granted: granted.length, total: profile.attachments.length })} data-testid="attachments">
              {profile.attachments.length === 0 ? (
                <Empty description={t('population.profile.noAttachments')} />
              ) : (
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  {granted.map((attachment) => (
                    <AttachmentCard key={attachment.code} attachment={attachment} emptyText={t('population.profile.noRecords')} />
                  ))}
                  {ungranted.length === 0 ? null : <UngrantedAttachments attachments={ungranted} />}
                </Space>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('population.history.title')} data-testid="history">
            <HistoryTimeline residentId={profile.residentId} />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}

/** 一人一档: the core record (today or on a past day), the attachments of other departments, and the history. */
export default function ProfilePage() {
  const { t } = useLanguage()
  const residentId = useParams().residentId ?? ''
  const profile = usePersonProfile(residentId)
  if (profile.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return (
        <Card>
          <Result
            status="404"
            title={t('population.notFound')}
            subTitle={residentId}
            extra={<Link to="/population/persons">{t('nav.populationLookup')}</Link>}
          />
        </Card>
      )
    }
    return <Card>{isNotGranted(profile.error) ? <NotGranted /> : <ProblemAlert error={profile.error} />}</Card>
  }
  return <ProfileView profile={profile.data} />
}
