import { LockOutlined } from '@ant-design/icons'
import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { codeToPath } from '../../api/catalog'
import { usePopulationBinding } from '../../api/population'
import { useLanguage } from '../../language'

/** 未获授权: the department holds no grant for the registry's entry; its catalog page is where to ask for one. */
export function NotGranted() {
  const { t } = useLanguage()
  const binding = usePopulationBinding()
  const code = binding.data?.code ?? null
  return (
    <Result
      icon={<LockOutlined style={{ color: '#b7312c' }} />}
      title={<span data-testid="not-granted">{t('exchange.explore.notGranted')}</span>}
      subTitle={t('population.notGrantedDetail', { name: binding.data?.name ?? t('population.core') })}
      extra={
        code === null ? null : (
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
