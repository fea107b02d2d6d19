import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useLocation, useNavigate } from 'react-router'
import { ApiError, tokenStore } from '../api/client'
import { identityKeys, login } from '../api/identity'
import type { LoginResponse, Me } from '../api/types'
import { useFormatDateTime, useLanguage } from '../language'
import { LanguageSwitch } from '../layout/language-switch'
import type { MessageKey } from '../i18n'

interface Credentials {
  readonly username: string
  readonly password: string
}

const FAILURE_TITLES: Readonly<Record<string, MessageKey>> = {
  HT_LOGIN_FAILED: 'login.failed',
  HT_ACCOUNT_LOCKED: 'login.locked',
  HT_ACCOUNT_DISABLED: 'login.disabled',
}

function toMe({ user }: LoginResponse): Me {
  return { kind: 'user', id: user.id, username: user.username, displayName: user.displayName, department: user.department, roles: user.roles }
}

function LoginFailure({ error }: { readonly error: Error }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const problem = error instanceof ApiError ? error : undefined
  const titleKey = problem === undefined ? undefined : FAILURE_TITLES[problem.code]
  const lockedUntil = problem?.extra.lockedUntil
  const title = titleKey === undefined ? (problem?.title ?? error.message) : t(titleKey)
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="login-error"
      title={title}
      description={
        <>
          {error.message === title ? null : <div>{error.message}</div>}
          {typeof lockedUntil === 'string' ? <div>{t('login.lockedUntil', { time: formatDateTime(lockedUntil) })}</div> : null}
        </>
      }
    />
  )
}

export default function LoginPage() {
  const { t } = useLanguage()
  const navigate = useNavigate()
  const location = useLocation()
  const queryClient = useQueryClient()
  const signIn = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: async (response) => {
      tokenStore.set(response.token)
      queryClient.clear()
      queryClient.setQueryData(identityKeys.me, toMe(response))
      const from = (location.state as { from?: string } | null)?.from
      await navigate(from !== undefined && from !== '/login' ? from : '/', { replace: true })
    },
  })

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: 'linear-gradient(160deg, #fbeeee 0%, #f5f6fa 60%)' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LanguageSwitch />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 24 }}>
            {t('login.title')}
          </Typography.Title>
          <Form<Credentials> layout="vertical" size="large" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {signIn.error === null ? null : (
              <Form.Item>
                <LoginFailure error={signIn.error} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  )
}
