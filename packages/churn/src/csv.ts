import type { AtRiskEntry } from './portfolio.js'
import { signalKinds } from './signal.js'

/**
 * The columns of the at-risk CSV, in order: `customerId,risk,health`, then one column per signal kind (the risk
 * points it contributes, 0 when not raised), then band, trend and the money columns (integer minor units of
 * `currency`).
 */
export const AT_RISK_CSV_COLUMNS = [
  'customerId',
  'risk',
  'health',
  ...signalKinds,
  'band',
  'trend',
  'currency',
  'annualValueMinor',
  'revenueAtRiskMinor',
] as const

const cell = (value: string | number): string => {
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The at-risk list as CSV (RFC 4180, header line first, `\n` line ends). */
export const atRiskCsv = (entries: readonly AtRiskEntry[]): string =>
  [
    AT_RISK_CSV_COLUMNS.join(','),
    ...entries.map((e) =>
      [
        e.customerId,
        e.risk,
        e.health,
        ...signalKinds.map((kind) => e.points[kind] ?? 0),
        e.band,
        e.trend,
        e.currency,
        e.annualValue,
        e.revenueAtRisk,
      ]
        .map(cell)
        .join(','),
    ),
  ].join('\n') + '\n'
