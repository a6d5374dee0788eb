import { flatString } from '@journeykit/core'

/** Strings that repeat across events (types, stream and customer ids), each kept once and named by an index. */
export interface SymbolTable {
  readonly intern: (s: string) => number
  readonly at: (index: number) => string
}

export const symbolTable = (): SymbolTable => {
  const indexes = new Map<string, number>()
  const strings: string[] = []
  return {
    intern: (s) => {
      let index = indexes.get(s)
      if (index === undefined) {
        index = strings.length
        strings.push(flatString(s))
        indexes.set(s, index)
      }
      return index
    },
    at: (index) => strings[index] ?? '',
  }
}

const SMALL_REVISIONS: bigint[] = []

/** Revision `r` as a bigint, one shared object for the first 65,536 (a bigint is a heap object of its own). */
export const revisionBigint = (r: number): bigint => {
  if (r >= 65_536) return BigInt(r)
  for (let i = SMALL_REVISIONS.length; i <= r; i++) SMALL_REVISIONS.push(BigInt(i))
  return SMALL_REVISIONS[r] ?? BigInt(r)
}
