import { usePopulationBinding } from '../../api/population'
import { useLanguage } from '../../language'
import { NotGranted as RegistryNotGranted } from '../registry/not-granted'

/** 未获授权 for the population registry's entry, with the way to ask for a grant. */
export function NotGranted() {
  const { t } = useLanguage()
  const binding = usePopulationBinding()
  return <RegistryNotGranted code={binding.data?.code} name={t('population.core')} />
}
