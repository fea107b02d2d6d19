interface TrieNode<T> {
  readonly children: Map<number, TrieNode<T>>
  values?: T[]
}

/**
 * Names in a character trie: every name that starts at a position of a text is found by walking
 * the text once from there, one map lookup per character, without cutting substrings. Address
 * standardisation asks this at every position it reads from.
 *
 * @example
 * const trie = new NameTrie<string>()
 * trie.add('和平区', '210102'); trie.add('和平', '210102')
 * trie.matchesAt('和平区南京北街', 0, (length, values) => console.log(length, values)) // 3 ['210102'], then 2 ['210102']
 */
export class NameTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map() }

  add(name: string, value: T): void {
    let node = this.root
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i)
      let next = node.children.get(code)
      if (next === undefined) {
        next = { children: new Map() }
        node.children.set(code, next)
      }
      node = next
    }
    if (node.values === undefined) node.values = [value]
    else node.values.push(value)
  }

  /** Calls `visit` for every name that starts at `position`, longest first. */
  matchesAt(text: string, position: number, visit: (length: number, values: readonly T[]) => void): void {
    const found: Array<TrieNode<T>> = []
    let node: TrieNode<T> | undefined = this.root
    for (let i = position; i < text.length; i++) {
      node = node.children.get(text.charCodeAt(i))
      if (node === undefined) break
      found.push(node)
    }
    for (let length = found.length; length >= 1; length--) {
      const values = (found[length - 1] as TrieNode<T>).values
      if (values !== undefined) visit(length, values)
    }
  }
}
