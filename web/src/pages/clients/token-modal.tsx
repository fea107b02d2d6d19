import { Alert, Button, Modal, Space, Typography } from 'antd'
import { useLanguage } from '../../language'

/** Shows a new client's token the one time it exists in clear, with a copy button. */
export function TokenModal({ name, token, onClose }: { readonly name: string; readonly token: string; readonly onClose: () => void }) {
  const { t } = useLanguage()
  return (
    <Modal
      open
      title={`${t('client.tokenTitle')} · ${name}`}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('client.tokenDone')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('client.tokenWarning')} />
        <Typography.Paragraph
          code
          copyable={{ text: token, tooltips: [t('client.tokenTitle'), t('client.tokenCopied')] }}
          style={{ wordBreak: 'break-all', marginBottom: 0 }}
          data-testid="client-token"
        >
          {token}
        </Typography.Paragraph>
      </Space>
    </Modal>
  )
}
