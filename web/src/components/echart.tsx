import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the charts the console draws, so the chunk stays small; the pages using it load lazily.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0]

/** An ECharts chart that follows its container's size. */
export function Chart({ option, height, testId }: { readonly option: ChartOption; readonly height: number; readonly testId?: string }) {
  const element = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (element.current === null) return undefined
    const chart = echarts.init(element.current)
    chart.setOption(option)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element.current)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [option])
  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />
}
