import { Typography } from 'antd'
import { useMemo } from 'react'
import { useGrants } from '../../api/exchange'
import { useLanguage } from '../../language'

/** The · 脱敏 mark beside an item whose values come masked. */
export function MaskedMark() {
  const { t } = useLanguage()
  return <Typography.Text type="warning"> · {t('exchange.masked')}</Typography.Text>
}

/**
 * The core items the caller's grants give masked, as the gate computes it: an item is in clear if
 * any effective grant gives it in clear. Without a grant (the registry's own department) nothing is masked.
 */
export function useCoreMasked(code: string | null | undefined): ReadonlySet<string> {
  const grants = useGrants('incoming', 'active')
  return useMemo(() => {
    const masked = new Map<string, boolean>()
    for (const grant of grants.data ?? []) {
      if (grant.resourceCode !== code || !grant.effective) continue
      for (const item of grant.items) masked.set(item.key, (masked.get(item.key) ?? true) && item.masked)
    }
    return new Set([...masked].flatMap(([key, isMasked]) => (isMasked ? [key] : [])))
  }, [grants.data, code])
}
