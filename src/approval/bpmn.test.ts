import { BpmnModdle } from 'bpmn-moddle'
import { describe, expect, it } from 'vitest'
import { BUSINESS_START, CONSTRUCTION_PROJECT, demoDepartmentNames, demoMatters } from '../demo/approval-catalogue.js'
import { themeToBpmn } from './bpmn.js'

interface Element {
  $type: string
  id: string
  name?: string
  flowElements?: Element[]
  laneSets?: { lanes: { name: string; flowNodeRef: Element[] }[] }[]
  diagrams?: { plane: { planeElement: { bpmnElement: Element }[] } }[]
  rootElements?: Element[]
  sourceRef?: Element
  targetRef?: Element
  eventDefinitions?: Element[]
}

async function parse(xml: string): Promise<{ definitions: Element; warnings: unknown[] }> {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml)
  return { definitions: rootElement as unknown as Element, warnings }
}

describe('BPMN export', () => {
  for (const theme of [BUSINESS_START, CONSTRUCTION_PROJECT]) {
    it(`${theme.name} parses with bpmn-moddle without warnings, every element drawn`, async () => {
      const { definitions, warnings } = await parse(themeToBpmn(theme, demoMatters(), demoDepartmentNames()))
      expect(warnings).toEqual([])
      const process = definitions.rootElements?.find((element) => element.$type === 'bpmn:Process') as Element
      const elements = process.flowElements ?? []
      const drawn = new Set(definitions.diagrams?.[0]?.plane.planeElement.map((shape) => shape.bpmnElement.id))
      for (const element of elements) expect(drawn.has(element.id), element.id).toBe(true)
      const tasks = elements.filter((element) => element.$type === 'bpmn:UserTask').map((element) => element.name)
      const matterNames = theme.stages.flatMap((stage) => stage.matters.map((code) => demoMatters().get(code)?.name))
      expect(tasks).toEqual(['一窗受理', ...matterNames])
      const lanes = process.laneSets?.[0]?.lanes ?? []
      expect(lanes.flatMap((lane) => lane.flowNodeRef).length).toBe(elements.filter((element) => element.$type !== 'bpmn:SequenceFlow').length)
      for (const flow of elements.filter((element) => element.$type === 'bpmn:SequenceFlow')) {
        expect(flow.sourceRef?.id).toBeDefined()
        expect(flow.targetRef?.id).toBeDefined()
      }
    })
  }

  it('draws parallel gateways around a stage of several matters and a terminate end where a refusal stops the theme', async () => {
    const { definitions } = await parse(themeToBpmn(CONSTRUCTION_PROJECT, demoMatters(), demoDepartmentNames()))
    const elements = (definitions.rootElements?.find((element) => element.$type === 'bpmn:Process') as Element).flowElements ?? []
    const count = (type: string) => elements.filter((element) => element.$type === type).length
    // Three stages of several matters split and join; the single-matter stage does not.
    expect(count('bpmn:ParallelGateway')).toBe(6)
    // Three stages stop the theme on a refusal; the last (joint acceptance) ends only the matter.
    expect(count('bpmn:ExclusiveGateway')).toBe(3)
    const terminates = elements.filter(
      (element) => element.$type === 'bpmn:EndEvent' && element.eventDefinitions?.[0]?.$type === 'bpmn:TerminateEventDefinition',
    )
    expect(terminates.map((element) => element.name)).toEqual(['不予许可，终止', '不予许可，终止', '不予许可，终止'])
    const lanes = (definitions.rootElements?.find((element) => element.$type === 'bpmn:Process') as Element).laneSets?.[0]?.lanes.map((lane) => lane.name)
    expect(lanes).toEqual(['综合窗口', '市发展改革委', '市规划国土局', '市城乡建设委员会'])
  })

  it('escapes names for XML', async () => {
    const theme = { ...BUSINESS_START, name: '开办 <测试> & "引号"' }
    const { definitions, warnings } = await parse(themeToBpmn(theme, demoMatters(), demoDepartmentNames()))
    expect(warnings).toEqual([])
    expect(definitions.rootElements?.find((element) => element.$type === 'bpmn:Process')?.name).toBe('开办 <测试> & "引号"')
  })
})
