import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { useLanguage } from '../language'

export function ForbiddenPage() {
  const { t } = useLanguage()
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  )
}
