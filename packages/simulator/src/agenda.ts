/**
 * A customer's agenda: what will happen to them next, as a binary min-heap ordered by time and then by the
 * order in which things were scheduled (so ties are broken the same way on every run). Times, sequence
 * numbers and steps are kept in parallel arrays: scheduling allocates nothing but the step itself.
 */
export interface Agenda<T> {
  readonly at: number[]
  readonly seq: number[]
  readonly value: T[]
}

export const agenda = <T>(): Agenda<T> => ({ at: [], seq: [], value: [] })

/** When the first entry is due (Infinity when the agenda is empty). */
export const firstAt = <T>(a: Agenda<T>): number => a.at[0] ?? Infinity

const earlier = (at: number, seq: number, thanAt: number, thanSeq: number): boolean =>
  at < thanAt || (at === thanAt && seq < thanSeq)

export const pushEntry = <T>(a: Agenda<T>, at: number, seq: number, value: T): void => {
  let i = a.at.length
  a.at.push(at)
  a.seq.push(seq)
  a.value.push(value)
  while (i > 0) {
    const parent = (i - 1) >> 1
    const parentAt = a.at[parent] ?? Infinity
    const parentSeq = a.seq[parent] ?? 0
    const parentValue = a.value[parent]
    if (parentValue === undefined || !earlier(at, seq, parentAt, parentSeq)) break
    a.at[i] = parentAt
    a.seq[i] = parentSeq
    a.value[i] = parentValue
    i = parent
  }
  a.at[i] = at
  a.seq[i] = seq
  a.value[i] = value
}

/** Removes the first entry and returns its value (undefined when the agenda is empty). */
export const popEntry = <T>(a: Agenda<T>): T | undefined => {
  const top = a.value[0]
  const lastAt = a.at.pop()
  const lastSeq = a.seq.pop() ?? 0
  const lastValue = a.value.pop()
  const n = a.at.length
  if (lastAt === undefined || lastValue === undefined || n === 0) return top
  let i = 0
  for (;;) {
    const left = 2 * i + 1
    if (left >= n) break
    let child = left
    const right = left + 1
    if (
      right < n &&
      earlier(a.at[right] ?? Infinity, a.seq[right] ?? 0, a.at[left] ?? Infinity, a.seq[left] ?? 0)
    )
      child = right
    const childAt = a.at[child] ?? Infinity
    const childSeq = a.seq[child] ?? 0
    const childValue = a.value[child]
    if (childValue === undefined || !earlier(childAt, childSeq, lastAt, lastSeq)) break
    a.at[i] = childAt
    a.seq[i] = childSeq
    a.value[i] = childValue
    i = child
  }
  a.at[i] = lastAt
  a.seq[i] = lastSeq
  a.value[i] = lastValue
  return top
}

/** Drops every entry. */
export const clearAgenda = <T>(a: Agenda<T>): void => {
  a.at.length = 0
  a.seq.length = 0
  a.value.length = 0
}
