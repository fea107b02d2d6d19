import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { useLanguage } from '../language'

export default function NotFoundPage() {
  const { t } = useLanguage()
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  )
}
