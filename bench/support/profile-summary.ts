import fs from 'node:fs'

interface ProfileNode {
  readonly id: number
  readonly hitCount?: number
  readonly children?: readonly number[]
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
}

export interface ProfileShare {
  readonly name: string
  /** Share of the busy (non-idle) samples. */
  readonly share: number
}

export interface ProfileSummary {
  /** Share of all samples in which the thread was not idle. */
  readonly busyShare: number
  readonly byArea: readonly ProfileShare[]
  readonly byFunction: readonly ProfileShare[]
  /** Samples in a function or anything it called (recursion counted once). */
  readonly byTotal: readonly ProfileShare[]
}

/** Where a frame's code lives: an npm package, a Huitong file, Node's internals, or V8 itself. */
function areaOf(url: string, functionName: string): string {
  const modules = url.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/')
    return parts[0]?.startsWith('@') === true ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url)
  }
  const source = url.search(/\/(src|bench)\//)
  if (source >= 0) return url.slice(source + 1)
  if (url.startsWith('node:')) return 'node internals'
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  return url
}

/** A function's label: its name and where it is defined, short enough for a table. */
function labelOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  if (url === '') return functionName || '(anonymous)'
  const modules = url.lastIndexOf('/node_modules/')
  const where = modules >= 0 ? url.slice(modules + '/node_modules/'.length).replace(/\/dist\/(esm|cjs)\//, '/') : areaOf(url, functionName)
  return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`
}

function top(totals: ReadonlyMap<string, number>, busy: number, count: number): ProfileShare[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({ name, share: hits / busy }))
}

/**
 * Summarises a V8 CPU profile: self time by package or file and by function, and total time by
 * function, as shares of the samples in which the thread was busy.
 */
export function summariseProfile(file: string, count = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const byArea = new Map<string, number>()
  const byFunction = new Map<string, number>()
  const byTotal = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    total += hits
    if (node.callFrame.functionName === '(idle)') idle += hits
  }

  // Walks the call tree once: each node's hits count as self time for it and as total time for
  // every distinct function on its stack.
  // The tree has profile.nodes.length nodes, each pushed once, so the loop is bounded.
  const root = profile.nodes[0]
  const stack: { node: ProfileNode; labels: ReadonlySet<string> }[] = root === undefined ? [] : [{ node: root, labels: new Set() }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, labels: above } = item
    const label = labelOf(node)
    const labels = new Set(above).add(label)
    const hits = node.hitCount ?? 0
    if (hits > 0 && node.callFrame.functionName !== '(idle)') {
      const area = areaOf(node.callFrame.url, node.callFrame.functionName)
      byArea.set(area, (byArea.get(area) ?? 0) + hits)
      byFunction.set(label, (byFunction.get(label) ?? 0) + hits)
      for (const name of labels) byTotal.set(name, (byTotal.get(name) ?? 0) + hits)
    }
    for (const child of node.children ?? []) {
      const next = nodes.get(child)
      if (next !== undefined) stack.push({ node: next, labels })
    }
  }
  byTotal.delete('(root)')
  const busy = Math.max(1, total - idle)
  return {
    busyShare: busy / Math.max(1, total),
    byArea: top(byArea, busy, count),
    byFunction: top(byFunction, busy, count),
    byTotal: top(byTotal, busy, count * 2),
  }
}
