import type { Matter } from './matter.js'
import type { Theme } from './theme.js'

/**
 * A theme's flow as BPMN 2.0 XML with diagram interchange (BPMNDI), so standard modellers
 * (bpmn-js, Camunda Modeler) open and lay it out as drawn here: one pool for the theme, a lane
 * for the one window and one per department; the window accepts, each stage splits at a parallel
 * gateway into a task per matter in its department's lane and joins again; a stage whose refusal
 * stops the theme is followed by an exclusive gateway whose "不予" branch ends in a terminate
 * event. The process is descriptive (`isExecutable="false"`): the platform's own rules run it.
 */

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
].join(' ')

const TASK = { width: 120, height: 80 }
const GATEWAY = 50
const EVENT = 36
const ROW = 110
const GAP = 60
const POOL = { x: 120, y: 60, label: 30 }

type Kind = 'startEvent' | 'endEvent' | 'terminateEnd' | 'userTask' | 'parallelGateway' | 'exclusiveGateway'

interface Node {
  readonly id: string
  readonly kind: Kind
  readonly name: string
  readonly lane: string
  readonly row: number
  readonly documentation?: string
  x: number
  y: number
  width: number
  height: number
}

interface Flow {
  readonly id: string
  readonly source: Node
  readonly target: Node
  readonly name?: string
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function size(kind: Kind): { width: number; height: number } {
  if (kind === 'userTask') return TASK
  if (kind === 'parallelGateway' || kind === 'exclusiveGateway') return { width: GATEWAY, height: GATEWAY }
  return { width: EVENT, height: EVENT }
}

/**
 * The BPMN 2.0 XML of a theme. `departmentNames` labels the lanes (codes where a name is missing).
 *
 * @example
 * themeToBpmn(theme, matters, new Map([['210100007', '市工商局']])) // '<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions …'
 */
export function themeToBpmn(theme: Theme, matters: ReadonlyMap<string, Matter>, departmentNames: ReadonlyMap<string, string>): string {
  const nodes: Node[] = []
  const flows: Flow[] = []
  const add = (id: string, kind: Kind, name: string, lane: string, row = 0, documentation?: string): Node => {
    const node: Node = { id, kind, name, lane, row, ...(documentation === undefined ? {} : { documentation }), x: 0, y: 0, ...size(kind) }
    nodes.push(node)
    return node
  }
  const connect = (source: Node, target: Node, name?: string): void => {
    flows.push({ id: `Flow_${flows.length + 1}`, source, target, ...(name === undefined ? {} : { name }) })
  }
  /** Onwards from the previous stage: after a decision gateway, on its "准予" branch. */
  const proceed = (source: Node, target: Node): void => connect(source, target, source.kind === 'exclusiveGateway' ? '准予' : undefined)

  // Columns, left to right: each entry is the nodes that share a column.
  const columns: Node[][] = []
  const start = add('StartEvent_submit', 'startEvent', '提交申请', 'window')
  const accept = add(
    'Task_accept',
    'userTask',
    '一窗受理',
    'window',
    0,
    '综合窗口受理：受理、一次性告知补正、容缺受理或不予受理；5个工作日内未作决定的，依《行政许可法》第三十二条自收到申请材料之日起即为受理',
  )
  connect(start, accept)
  columns.push([start], [accept])
  let previous = accept

  theme.stages.forEach((stage, stageIndex) => {
    const rowsUsed = new Map<string, number>()
    const tasks = stage.matters.map((code, matterIndex) => {
      const matter = matters.get(code)
      const department = matter?.department ?? 'unknown'
      const row = rowsUsed.get(department) ?? 0
      rowsUsed.set(department, row + 1)
      const documentation =
        matter === undefined
          ? code
          : `${matter.code}；法定时限${matter.statutoryLimit}个工作日，承诺时限${matter.promisedLimit}个工作日；依据：${matter.legalBasis.map((basis) => `${basis.title}${basis.article}`).join('、')}`
      return add(`Task_${stageIndex + 1}_${matterIndex + 1}`, 'userTask', matter?.name ?? code, department, row, documentation)
    })
    const label = `${stage.name}（${stage.limit}个工作日）`
    if (tasks.length > 1) {
      const split = add(`Gateway_${stageIndex + 1}_split`, 'parallelGateway', label, 'window')
      const join = add(`Gateway_${stageIndex + 1}_join`, 'parallelGateway', '', 'window')
      proceed(previous, split)
      for (const task of tasks) {
        connect(split, task)
        connect(task, join)
      }
      columns.push([split], tasks, [join])
      previous = join
    } else {
      const [task] = tasks as [Node]
      proceed(previous, task)
      columns.push([task])
      previous = task
    }
    if (stage.onRefusal === 'stops-theme') {
      const decide = add(`Gateway_${stageIndex + 1}_decision`, 'exclusiveGateway', tasks.length > 1 ? '全部准予？' : '准予？', 'window')
      const stop = add(`EndEvent_${stageIndex + 1}_refused`, 'terminateEnd', '不予许可，终止', 'window', 1)
      connect(previous, decide)
      connect(decide, stop, '不予')
      columns.push([decide, stop])
      previous = decide
    }
  })
  const end = add('EndEvent_done', 'endEvent', '办结，发放证照', 'window')
  proceed(previous, end)
  columns.push([end])

  // Lanes: the window, then departments as they first appear; a lane is as tall as the most tasks it holds in one column.
  const laneOrder = ['window', ...new Set(nodes.filter((node) => node.lane !== 'window').map((node) => node.lane))]
  const laneRows = new Map(laneOrder.map((lane) => [lane, Math.max(1, ...nodes.filter((node) => node.lane === lane).map((node) => node.row + 1))]))
  const laneTop = new Map<string, number>()
  let top = POOL.y
  for (const lane of laneOrder) {
    laneTop.set(lane, top)
    top += (laneRows.get(lane) ?? 1) * ROW
  }
  const poolHeight = top - POOL.y

  let x = POOL.x + POOL.label + 50
  for (const column of columns) {
    const width = Math.max(...column.map((node) => node.width))
    for (const node of column) {
      node.x = x + (width - node.width) / 2
      node.y = (laneTop.get(node.lane) ?? POOL.y) + node.row * ROW + (ROW - node.height) / 2
    }
    x += width + GAP
  }
  const poolWidth = x - POOL.x

  const flowNode = (node: Node): string => {
    const incoming = flows.filter((flow) => flow.target === node).map((flow) => `<bpmn:incoming>${flow.id}</bpmn:incoming>`)
    const outgoing = flows.filter((flow) => flow.source === node).map((flow) => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`)
    const documentation = node.documentation === undefined ? [] : [`<bpmn:documentation>${escape(node.documentation)}</bpmn:documentation>`]
    const tag = node.kind === 'terminateEnd' ? 'endEvent' : node.kind
    const definition = node.kind === 'terminateEnd' ? [`<bpmn:terminateEventDefinition id="${node.id}_terminate" />`] : []
    const body = [...documentation, ...incoming, ...outgoing, ...definition].map((line) => `      ${line}`).join('\n')
    return `    <bpmn:${tag} id="${node.id}" name="${escape(node.name)}">\n${body}\n    </bpmn:${tag}>`
  }
  const sequenceFlow = (flow: Flow): string =>
    `    <bpmn:sequenceFlow id="${flow.id}"${flow.name === undefined ? '' : ` name="${escape(flow.name)}"`} sourceRef="${flow.source.id}" targetRef="${flow.target.id}" />`
  const laneName = (lane: string): string => (lane === 'window' ? '综合窗口' : (departmentNames.get(lane) ?? lane))
  const laneId = (lane: string): string => `Lane_${lane === 'window' ? 'window' : lane.replace(/[^A-Za-z0-9]/g, '_')}`

  const lanes = laneOrder.map((lane) => {
    const refs = nodes.filter((node) => node.lane === lane).map((node) => `        <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`)
    return `      <bpmn:lane id="${laneId(lane)}" name="${escape(laneName(lane))}">\n${refs.join('\n')}\n      </bpmn:lane>`
  })

  const bounds = (b: { x: number; y: number; width: number; height: number }): string =>
    `<dc:Bounds x="${Math.round(b.x)}" y="${Math.round(b.y)}" width="${Math.round(b.width)}" height="${Math.round(b.height)}" />`
  const shapes = [
    `      <bpmndi:BPMNShape id="Participant_${theme.code}_di" bpmnElement="Participant_${theme.code}" isHorizontal="true">\n        ${bounds({ x: POOL.x, y: POOL.y, width: poolWidth, height: poolHeight })}\n      </bpmndi:BPMNShape>`,
    ...laneOrder.map(
      (lane) =>
        `      <bpmndi:BPMNShape id="${laneId(lane)}_di" bpmnElement="${laneId(lane)}" isHorizontal="true">\n        ${bounds({ x: POOL.x + POOL.label, y: laneTop.get(lane) ?? 0, width: poolWidth - POOL.label, height: (laneRows.get(lane) ?? 1) * ROW })}\n      </bpmndi:BPMNShape>`,
    ),
    ...nodes.map((node) => {
      const marker = node.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''
      const label =
        node.kind === 'userTask' || node.name === ''
          ? ''
          : `\n        <bpmndi:BPMNLabel>\n          ${bounds({ x: node.x - 30, y: node.y + node.height + 4, width: node.width + 60, height: 28 })}\n        </bpmndi:BPMNLabel>`
      return `      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>\n        ${bounds(node)}${label}\n      </bpmndi:BPMNShape>`
    }),
  ]
  const edges = flows.map((flow) => {
    const s = flow.source
    const t = flow.target
    const points: [number, number][] =
      t.x < s.x + s.width
        ? [
            [s.x + s.width / 2, s.y + s.height],
            [t.x + t.width / 2, t.y],
          ]
        : Math.abs(s.y + s.height / 2 - (t.y + t.height / 2)) < 1
          ? [
              [s.x + s.width, s.y + s.height / 2],
              [t.x, t.y + t.height / 2],
            ]
          : [
              [s.x + s.width, s.y + s.height / 2],
              [(s.x + s.width + t.x) / 2, s.y + s.height / 2],
              [(s.x + s.width + t.x) / 2, t.y + t.height / 2],
              [t.x, t.y + t.height / 2],
            ]
    const waypoints = points.map(([px, py]) => `        <di:waypoint x="${Math.round(px)}" y="${Math.round(py)}" />`).join('\n')
    return `      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">\n${waypoints}\n      </bpmndi:BPMNEdge>`
  })

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions ${NAMESPACES} id="Definitions_${theme.code}" targetNamespace="urn:huitong:approval:themes" exporter="Huitong" exporterVersion="1">`,
    `  <bpmn:collaboration id="Collaboration_${theme.code}">`,
    `    <bpmn:participant id="Participant_${theme.code}" name="${escape(theme.name)}" processRef="Process_${theme.code}" />`,
    '  </bpmn:collaboration>',
    `  <bpmn:process id="Process_${theme.code}" name="${escape(theme.name)}" isExecutable="false">`,
    `    <bpmn:documentation>${escape(theme.description)}</bpmn:documentation>`,
    `    <bpmn:laneSet id="LaneSet_${theme.code}">`,
    ...lanes,
    '    </bpmn:laneSet>',
    ...nodes.map(flowNode),
    ...flows.map(sequenceFlow),
    '  </bpmn:process>',
    `  <bpmndi:BPMNDiagram id="Diagram_${theme.code}">`,
    `    <bpmndi:BPMNPlane id="Plane_${theme.code}" bpmnElement="Collaboration_${theme.code}">`,
    ...shapes,
    ...edges,
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n')
}
