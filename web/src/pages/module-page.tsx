import { Card, Result, Tag } from 'antd'
import { useLanguage } from '../language'
import type { ConsolePage } from '../nav'

/** A module still being built: what it will hold, and that it is coming. */
export default function ModulePage({ page }: { readonly page: ConsolePage }) {
  const { t } = useLanguage()
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 64, color: '#b7312c' }}>{page.icon}</span>}
        title={
          <>
            {t(page.label)} <Tag color="gold">{t('module.coming')}</Tag>
          </>
        }
        subTitle={
          <>
            {page.coming === undefined ? null : <p style={{ maxWidth: 640, margin: '0 auto 8px' }}>{t(page.coming)}</p>}
            <p>{t('module.comingDetail')}</p>
          </>
        }
      />
    </Card>
  )
}
