import { LockOutlined } from '@ant-design/icons'
import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { codeToPath } from '../../api/catalog'
import { useLanguage } from '../../language'

/**
 * 未获授权: the department holds no grant for a registry's catalog entry; the entry's page is
 * where to ask for one (no link while the registry is not bound to an entry).
 *
 * @example
 * <NotGranted code={binding.data?.code} name="人口基础信息" />
 */
export function NotGranted({ code, name }: { readonly code: string | null | undefined; readonly name: string }) {
  const { t } = useLanguage()
  return (
    <Result
      icon={<LockOutlined style={{ color: '#b7312c' }} />}
      title={<span data-testid="not-granted">{t('exchange.explore.notGranted')}</span>}
      subTitle={t('registry.notGrantedDetail', { name })}
      extra={
        code === null || code === undefined ? null : (
          <Link to={`/catalog/${codeToPath(code)}`}>
            <Button type="primary" data-testid="request-access-link">
              {t('exchange.requestAccess')}
            </Button>
          </Link>
        )
      }
    />
  )
}
