import { Descriptions, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { codeToPath, type ResourceContent } from '../../api/catalog'
import { useFormatDateTime, useLanguage } from '../../language'
import { useCatalogLabels } from './catalog-labels'
import { ShareTypeTag } from './catalog-tags'

function orNone(text: string, none: string): ReactNode {
  return text.trim() === '' ? <Typography.Text type="secondary">{none}</Typography.Text> : text
}

/** The descriptions of a version's content: abstract, classification, format, sharing, openness, cycle, tags. */
export function ResourceOverview({ content, publishedAt }: { readonly content: ResourceContent; readonly publishedAt: string | null }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const formatDateTime = useFormatDateTime()
  const none = t('common.none')
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="resource-overview">
      <Descriptions.Item label={t('catalog.abstract')} span={{ xs: 1, md: 2 }}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{content.abstract}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.classification')}>
        {labels.classification(content.classification)}
        {content.category === null ? null : ` · ${content.category} ${labels.category(content.classification, content.category)}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.format')}>
        {labels.formatClass(content.formatClass)} · {content.formatType}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.shareType')}>
        <ShareTypeTag value={content.shareType} />
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.shareMethods')}>
        {content.shareMethods.length === 0 ? none : content.shareMethods.map((method) => labels.shareMethod(method)).join('、')}
      </Descriptions.Item>
      {content.shareType === 'conditional' ? (
        <Descriptions.Item label={t('catalog.shareCondition')} span={{ xs: 1, md: 2 }}>
          {orNone(content.shareCondition, none)}
        </Descriptions.Item>
      ) : null}
      {content.shareType === 'none' ? (
        <Descriptions.Item label={t('catalog.legalBasis')} span={{ xs: 1, md: 2 }}>
          {orNone(content.legalBasis, none)}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('catalog.openness')}>
        <Tag color={content.open ? 'blue' : 'default'}>{t(content.open ? 'catalog.open' : 'catalog.closed')}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.openCondition')}>{orNone(content.openCondition, none)}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.updateCycle')}>{labels.updateCycle(content.updateCycle)}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.publishDate')}>{content.publishDate ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.publishedAt')}>{publishedAt === null ? none : formatDateTime(publishedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.secrecy')}>
        {t(content.secrecy === 'secret' ? 'catalog.secrecy.secret' : 'catalog.secrecy.non-secret')}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.tags')}>
        {content.tags.length === 0 ? (
          none
        ) : (
          <Space size={[4, 4]} wrap>
            {content.tags.map((tag) => (
              <Tag key={tag} bordered={false} color="red">
                #{tag}
              </Tag>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.relatedCodes')}>
        {content.relatedCodes.length === 0 ? (
          none
        ) : (
          <Space size={[8, 4]} wrap>
            {content.relatedCodes.map((code) => (
              <Link key={code} to={`/catalog/${codeToPath(code)}`}>
                {code}
              </Link>
            ))}
          </Space>
        )}
      </Descriptions.Item>
    </Descriptions>
  )
}
