import { Tag } from 'antd'
import type { ShareType, VersionStatus } from '../../api/catalog'
import { SHARE_TYPE_COLORS, STATUS_COLORS, useCatalogLabels } from './catalog-labels'

/** 无条件 green, 有条件 orange, 不予共享 red. */
export function ShareTypeTag({ value }: { readonly value: ShareType }) {
  const labels = useCatalogLabels()
  return <Tag color={SHARE_TYPE_COLORS[value]}>{labels.shareType(value)}</Tag>
}

export function StatusTag({ value }: { readonly value: VersionStatus }) {
  const labels = useCatalogLabels()
  return <Tag color={STATUS_COLORS[value]}>{labels.status(value)}</Tag>
}
