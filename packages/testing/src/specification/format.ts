/** Anything shaped like an event, a fact or a command: a `type`, usually `occurredAt` and `data`. */
export interface EventLike {
  readonly type: string
  readonly occurredAt?: string
  readonly customerId?: string
  readonly data?: unknown
}

export interface FormatOptions {
  /** Show each event's customer id; default: only when the events are of more than one customer. */
  readonly showCustomer?: boolean
  /** Put before each line; default two spaces. */
  readonly indent?: string
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

export const isEventLike = (u: unknown): u is EventLike =>
  isRecord(u) &&
  typeof u['type'] === 'string' &&
  (u['occurredAt'] === undefined || typeof u['occurredAt'] === 'string') &&
  (u['customerId'] === undefined || typeof u['customerId'] === 'string')

const BARE = /^[\w.:+\-/@]+$/

/** One value, compactly: bare words stay bare, other strings are quoted, nested data is written inline. */
export const formatValue = (value: unknown): string => {
  if (typeof value === 'string') {
    if (value.length > 60) return `${JSON.stringify(value.slice(0, 40))}…(${value.length} chars)`
    return BARE.test(value) ? value : JSON.stringify(value)
  }
  if (typeof value === 'bigint') return `${value}n`
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`
  if (isRecord(value)) return `{${formatFields(value)}}`
  return String(value)
}

/** `key=value key=value` for an object's own fields, in their order. */
export const formatFields = (data: Readonly<Record<string, unknown>>): string =>
  Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(' ')

const body = (e: EventLike, showCustomer: boolean): string => {
  const parts = [e.occurredAt ?? '(no time)']
  if (showCustomer) parts.push(`[${e.customerId ?? '?'}]`)
  parts.push(e.type)
  if (isRecord(e.data)) {
    const fields = formatFields(e.data)
    if (fields !== '') parts.push(fields)
  }
  return parts.join('  ')
}

/** One event (or fact, or command) on one line: `2024-03-01T10:00:00Z  OrderPlaced  orderId=o1 ...`. */
export const formatEvent = (event: unknown, options: FormatOptions = {}): string =>
  isEventLike(event) ? body(event, options.showCustomer ?? false) : formatValue(event)

/** A command on one line, with its customer: `2024-03-01T10:00:00Z  [ada]  PlaceOrder  orderId=o1 ...`. */
export const formatCommand = (command: unknown): string => formatEvent(command, { showCustomer: true })

/**
 * A journey as text, one event per line, numbered, in the order given:
 * ```
 *   1. 2024-03-01T10:00:00Z  CustomerRegistered  kind=person name="Ada Lovelace" country=DE
 *   2. 2024-03-01T10:07:00Z  PlaceOrder  orderId=o1 currency=EUR amount=1250 ...
 * ```
 */
export const formatJourney = (events: readonly unknown[], options: FormatOptions = {}): string => {
  if (events.length === 0) return `${options.indent ?? '  '}(no events)`
  const customers = new Set(events.map((e) => (isEventLike(e) ? e.customerId : undefined)))
  const showCustomer = options.showCustomer ?? customers.size > 1
  const width = String(events.length).length
  return events
    .map(
      (e, i) =>
        `${options.indent ?? '  '}${String(i + 1).padStart(width)}. ${formatEvent(e, { showCustomer })}`,
    )
    .join('\n')
}
