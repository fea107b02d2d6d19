import { ConfigProvider } from 'antd'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { LANGUAGES, translate, type Language, type Translate } from './i18n'

const STORAGE_KEY = 'huitong.language'

interface LanguageState {
  readonly language: Language
  readonly setLanguage: (language: Language) => void
  readonly t: Translate
}

const LanguageContext = createContext<LanguageState | undefined>(undefined)

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY)
  return LANGUAGES.find((language) => language === stored) ?? 'zh'
}

/** Holds the chosen language (persisted), and gives Ant Design the matching locale. */
export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next)
    setState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
    // Date pickers and the calendar name months and weekdays (and start weeks) by dayjs's locale.
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en')
    document.title = translate(language, 'app.title')
  }, [language])
  const value = useMemo<LanguageState>(() => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }), [language, setLanguage])
  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b7312c' } }}>
        {children}
      </ConfigProvider>
    </LanguageContext.Provider>
  )
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext)
  if (state === undefined) throw new Error('useLanguage needs a LanguageProvider')
  return state
}

/** Date and time in the reader's language, e.g. 2026/3/1 09:30:00. */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const { language } = useLanguage()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })
    return (iso) => (iso === null || iso === undefined ? '' : format.format(new Date(iso)))
  }, [language])
}
