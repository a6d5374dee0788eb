/** FNV-1a over the UTF-16 code units of `s`. */
const hashOf = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Where each event id is in the log: O(1) idempotency checks whatever a stream's length. */
export interface IdIndex {
  readonly add: (id: string, index: number) => void
  readonly find: (id: string) => number | undefined
}

/**
 * A hash index from event id to log index in one Int32Array (open addressing, linear probing, at most half
 * full): 8 to 16 bytes per event, where a `Map<string, number>` takes about 50. The ids themselves stay in the
 * log; `idAt` reads them back to compare and to rehash when the table grows.
 */
export const idIndex = (idAt: (index: number) => string | undefined): IdIndex => {
  let slots = new Int32Array(2048) // index + 1; 0 is an empty slot
  let mask = slots.length - 1
  let count = 0

  const place = (table: Int32Array, tableMask: number, id: string, index: number): void => {
    let slot = hashOf(id) & tableMask
    while (table[slot] !== 0) slot = (slot + 1) & tableMask
    table[slot] = index + 1
  }

  const grow = (): void => {
    const bigger = new Int32Array(slots.length * 2)
    const biggerMask = bigger.length - 1
    for (const entry of slots) {
      const id = entry === 0 ? undefined : idAt(entry - 1)
      if (id !== undefined) place(bigger, biggerMask, id, entry - 1)
    }
    slots = bigger
    mask = biggerMask
  }

  return {
    add: (id, index) => {
      if ((count + 1) * 2 > slots.length) grow()
      let slot = hashOf(id) & mask
      for (let entry = slots[slot] ?? 0; entry !== 0; entry = slots[slot] ?? 0) {
        if (idAt(entry - 1) === id) {
          slots[slot] = index + 1 // the same id in another stream: the latest wins
          return
        }
        slot = (slot + 1) & mask
      }
      slots[slot] = index + 1
      count++
    },
    find: (id) => {
      let slot = hashOf(id) & mask
      for (let entry = slots[slot] ?? 0; entry !== 0; entry = slots[slot] ?? 0) {
        if (idAt(entry - 1) === id) return entry - 1
        slot = (slot + 1) & mask
      }
      return undefined
    },
  }
}
