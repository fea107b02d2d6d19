import { TranslationOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useLanguage } from '../language'

/** One button that switches between 中文 and English. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage()
  return (
    <Button type="text" icon={<TranslationOutlined />} onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} data-testid="language-switch">
      {t('header.switchLanguage')}
    </Button>
  )
}
