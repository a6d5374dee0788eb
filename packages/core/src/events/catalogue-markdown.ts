import type { EventGroup, FieldSpec } from './define.js'
import { definitionOf, eventTypes } from './catalogue.js'

const groupTitles: Readonly<Record<EventGroup, string>> = {
  identity: 'Identity and ownership',
  contact: 'Contacts on any channel',
  commerce: 'Commerce',
  marketing: 'Marketing and feedback',
}

const typeLabel = (codec: FieldSpec[0]): string => {
  const values: unknown = Reflect.get(codec, 'values')
  if (Array.isArray(values)) return `one of ${values.map((v) => `\`${String(v)}\``).join(', ')}`
  const min: unknown = Reflect.get(codec, 'min')
  const max: unknown = Reflect.get(codec, 'max')
  if (typeof min === 'number' && typeof max === 'number') return `integer ${min}-${max}`
  return codec.name
}

const fieldRows = (specs: Readonly<Record<string, FieldSpec>>, required: boolean): string[] =>
  Object.entries(specs).map(
    ([name, [codec, description]]) =>
      `| \`${name}\` | ${typeLabel(codec)} | ${required ? 'yes' : 'no'} | ${description.replaceAll('|', '\\|')} |`,
  )

/**
 * The event catalogue as Markdown, generated from the codecs and their descriptions. docs/events.md is this
 * text; a test fails when they differ, so the documentation cannot drift from the code.
 */
export const renderEventCatalogue = (): string => {
  const lines: string[] = [
    '# Event catalogue',
    '',
    '<!-- Generated from packages/core/src/events by `pnpm docs:events`; a test keeps it in step. Do not edit by hand. -->',
    '',
    'Every event is an envelope around typed `data`. The envelope:',
    '',
    '| field | meaning |',
    '| --- | --- |',
    '| `id` | UUID (journeykit writes v7, time-ordered); appending the same id twice is a no-op |',
    '| `type` | the event type, one of the names below (past tense) |',
    '| `streamId` | the stream the event belongs to: `customer-<customerId>` |',
    '| `customerId` | the customer the event is about |',
    '| `occurredAt` | business time: an ISO-8601 instant with offset, or `YYYY-MM-DD` for date-only facts |',
    '| `recordedAt` | when it was recorded (an instant); projections never use it for business logic |',
    '| `schemaVersion` | the version of `data`; older versions are upcast on read |',
    '| `metadata` | optional `correlationId`, `causationId`, `actor`, `sourceSystem` |',
    '',
    'Money is always an integer amount of minor units (`amount`) with an ISO 4217 `currency`.',
    'Field types: `Id` is 1-200 characters; `NonEmptyString` has a non-blank character; `FreeText` is any',
    'string up to 10,000 characters; `Instant`, `CalendarDate` and `BusinessTime` are described above;',
    '`MinorUnits` is a non-negative integer; `TimeZone` is an IANA zone name.',
    '',
  ]
  const groups: readonly EventGroup[] = ['identity', 'contact', 'commerce', 'marketing']
  for (const group of groups) {
    const title = groupTitles[group]
    lines.push(`## ${title}`, '')
    for (const type of eventTypes) {
      const definition = definitionOf(type)
      if (definition.group !== group) continue
      lines.push(`### ${type}`, '', definition.summary, '')
      if (definition.schemaVersion > 1) lines.push(`Current schema version: ${definition.schemaVersion}.`, '')
      const rows = [...fieldRows(definition.required, true), ...fieldRows(definition.optional, false)]
      if (rows.length === 0) lines.push('No data fields.', '')
      else lines.push('| field | type | required | meaning |', '| --- | --- | --- | --- |', ...rows, '')
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
