import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons'
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useHealth } from '../api/health'
import { useMe } from '../api/identity'
import { useDepartmentName, useRoleLabel } from '../auth/labels'
import { useLanguage } from '../language'
import { canUse, isTopLevel, PAGES } from '../nav'

function HealthCard() {
  const { t } = useLanguage()
  const health = useHealth()
  return (
    <Card title={t('home.health')} data-testid="health">
      {health.isSuccess ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('home.health')}>
            <Tag icon={<CheckCircleFilled />} color="success">
              {t('home.healthy')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.database')}>{health.data.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}</Descriptions.Item>
          <Descriptions.Item label={t('home.version')}>{health.data.version}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Tag icon={<CloseCircleFilled />} color={health.isError ? 'error' : 'default'}>
          {health.isError ? t('home.unhealthy') : '…'}
        </Tag>
      )}
    </Card>
  )
}

export default function HomePage() {
  const { t } = useLanguage()
  const { data: me } = useMe()
  const roleLabel = useRoleLabel()
  const departmentName = useDepartmentName()
  if (me === undefined) return null
  const usable = PAGES.filter((page) => page.key !== 'home' && isTopLevel(page) && canUse(page, me.roles))

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card data-testid="welcome" style={{ height: '100%' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {t('home.welcome', { name: me.displayName })}
            </Typography.Title>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('header.department')}>{departmentName(me.department)}</Descriptions.Item>
              <Descriptions.Item label={t('header.roles')}>
                <Space size={[4, 4]} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role} color="red">
                      {roleLabel(role)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <HealthCard />
        </Col>
      </Row>
      <Card title={t('home.modules')}>
        {usable.length === 0 ? (
          <Typography.Text type="secondary">{t('home.noModules')}</Typography.Text>
        ) : (
          <Row gutter={[12, 12]}>
            {usable.map((page) => (
              <Col key={page.key} xs={12} sm={8} md={6} xl={4}>
                <Link to={page.path}>
                  <Card hoverable size="small" style={{ textAlign: 'center', height: '100%' }}>
                    <div style={{ fontSize: 28, color: '#b7312c' }}>{page.icon}</div>
                    <div>{t(page.label)}</div>
                    {page.coming === undefined ? null : <Tag color="gold">{t('module.coming')}</Tag>}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  )
}
