import { useMemo } from 'react'
import { usePersonHistory, type PersonEvent } from '../../api/population'
import { ChangeTimeline, type ChangeLabels } from '../registry/change-timeline'
import { EVENT_COLORS, usePersonLabels } from './population-labels'

/** 变更历史: each change to the core person record, newest first, with the day it took effect and who recorded it. */
export function HistoryTimeline({ residentId }: { readonly residentId: string }) {
  const labels = usePersonLabels()
  const history = usePersonHistory(residentId)
  const timelineLabels = useMemo<ChangeLabels<PersonEvent>>(
    () => ({ item: labels.item, value: labels.value, event: labels.event, color: (event) => EVENT_COLORS[event] }),
    [labels],
  )
  return <ChangeTimeline history={history} labels={timelineLabels} />
}
