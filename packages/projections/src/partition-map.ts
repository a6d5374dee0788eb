/**
 * The partitions of a live projection: a persistent (immutable, structurally shared) map from partition key to
 * state. Updating k partitions copies O(k · log₃₂ n) small nodes, never the whole map, so a live batch touching a
 * few customers out of millions is cheap and every earlier snapshot stays valid.
 *
 * Implementation: a hash trie (32-way branches, leaves of at most 16 entries). A map made from a plain `Map`
 * (the result of a rebuild) stays flat until its first update. Iteration order is not meaningful.
 */

const BITS = 5
const MASK = 31
const LEAF_MAX = 16
/** Below this shift a leaf may split; 6 levels of 5 bits use the 30 low bits of the hash. */
const MAX_SHIFT = 30

interface Leaf<S> {
  readonly kind: 'leaf'
  readonly entries: Map<string, S>
  /** The update that created this node may still mutate it (transient ownership). */
  readonly edit: object
}

interface Branch<S> {
  readonly kind: 'branch'
  readonly children: (TrieNode<S> | undefined)[]
  readonly edit: object
}

type TrieNode<S> = Leaf<S> | Branch<S>

interface Representation<S> {
  readonly flat: ReadonlyMap<string, S> | undefined
  readonly root: TrieNode<S> | undefined
  readonly size: number
  /** Applied to every state handed to a reader (deep freeze for lazily frozen maps, identity otherwise). */
  readonly reveal: (state: S) => S
}

export const representation: unique symbol = Symbol('journeykit.partitionMap')

/** A persistent map of partition states; see the module comment. */
export interface PartitionMap<S> extends ReadonlyMap<string, S> {
  readonly [representation]: Representation<S>
}

/** FNV-1a with a murmur finalizer: well spread low bits for the trie. */
const hashOf = (key: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

const emptyBranch = <S>(edit: object): Branch<S> => ({
  kind: 'branch',
  children: new Array<TrieNode<S> | undefined>(MASK + 1).fill(undefined),
  edit,
})

interface Counter {
  added: number
}

const assoc = <S>(
  node: TrieNode<S>,
  shift: number,
  hash: number,
  key: string,
  state: S,
  edit: object,
  counter: Counter,
): TrieNode<S> => {
  if (node.kind === 'leaf') {
    const leaf: Leaf<S> = node.edit === edit ? node : { kind: 'leaf', entries: new Map(node.entries), edit }
    if (!leaf.entries.has(key)) counter.added++
    leaf.entries.set(key, state)
    if (leaf.entries.size <= LEAF_MAX || shift >= MAX_SHIFT) return leaf
    let branch: TrieNode<S> = emptyBranch<S>(edit)
    const ignored: Counter = { added: 0 }
    for (const [k, s] of leaf.entries) branch = assoc(branch, shift, hashOf(k), k, s, edit, ignored)
    return branch
  }
  const branch: Branch<S> =
    node.edit === edit ? node : { kind: 'branch', children: node.children.slice(), edit }
  const slot = (hash >>> shift) & MASK
  const child = branch.children[slot]
  if (child === undefined) {
    counter.added++
    branch.children[slot] = { kind: 'leaf', entries: new Map([[key, state]]), edit }
  } else branch.children[slot] = assoc(child, shift + BITS, hash, key, state, edit, counter)
  return branch
}

function* walk<S>(node: TrieNode<S> | undefined): Generator<readonly [string, S], undefined, unknown> {
  if (node === undefined) return undefined
  if (node.kind === 'leaf') yield* node.entries
  else for (const child of node.children) yield* walk(child)
  return undefined
}

const identity = <S>(state: S): S => state

const makeMap = <S>(rep: Representation<S>): PartitionMap<S> => {
  const { flat, root, reveal } = rep
  const lookup = (key: string): S | undefined => {
    if (flat !== undefined) return flat.get(key)
    const hash = hashOf(key)
    let node = root
    let shift = 0
    while (node !== undefined && node.kind === 'branch') {
      node = node.children[(hash >>> shift) & MASK]
      shift += BITS
    }
    return node?.entries.get(key)
  }
  const raw = (): Iterable<readonly [string, S]> => flat ?? walk(root)
  function* entries(): Generator<[string, S], undefined, unknown> {
    for (const [key, state] of raw()) yield [key, reveal(state)]
    return undefined
  }
  function* keys(): Generator<string, undefined, unknown> {
    for (const [key] of raw()) yield key
    return undefined
  }
  function* values(): Generator<S, undefined, unknown> {
    for (const [, state] of raw()) yield reveal(state)
    return undefined
  }
  const map: PartitionMap<S> = {
    [representation]: rep,
    size: rep.size,
    get: (key) => {
      const state = lookup(key)
      return state === undefined ? undefined : reveal(state)
    },
    has: (key) => lookup(key) !== undefined,
    forEach: (callback, thisArg?: unknown) => {
      for (const [key, state] of raw()) callback.call(thisArg, reveal(state), key, map)
    },
    entries,
    keys,
    values,
    [Symbol.iterator]: entries,
  }
  return Object.freeze(map)
}

/** A partition map over the entries of `flat` (which must not be changed afterwards). */
export const partitionMapOf = <S>(
  flat: ReadonlyMap<string, S>,
  reveal: (state: S) => S = identity,
): PartitionMap<S> => makeMap({ flat, root: undefined, size: flat.size, reveal })

export const emptyPartitionMap = <S>(): PartitionMap<S> => partitionMapOf(new Map<string, S>())

export const isPartitionMap = <S>(map: ReadonlyMap<string, S>): map is PartitionMap<S> =>
  representation in map

/** A new map with `updates` set (added or replaced); `map` itself is unchanged and shares untouched nodes. */
export const withUpdates = <S>(map: PartitionMap<S>, updates: ReadonlyMap<string, S>): PartitionMap<S> => {
  if (updates.size === 0) return map
  const rep = map[representation]
  const edit = {}
  const counter: Counter = { added: 0 }
  let root: TrieNode<S> = rep.root ?? emptyBranch<S>(edit)
  let size = rep.size
  if (rep.flat !== undefined) {
    for (const [key, state] of rep.flat) root = assoc(root, 0, hashOf(key), key, state, edit, counter)
    counter.added = 0
  }
  for (const [key, state] of updates) root = assoc(root, 0, hashOf(key), key, state, edit, counter)
  size += counter.added
  return makeMap({ flat: undefined, root, size, reveal: rep.reveal })
}
