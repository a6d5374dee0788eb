import type { AtRiskEntry } from './portfolio.js'

/** The columns of the at-risk CSV, in order. Money columns are integer minor units of `currency`. */
export const AT_RISK_CSV_COLUMNS = [
  'customer_id',
  'health',
  'risk',
  'band',
  'trend',
  'currency',
  'annual_value_minor',
  'revenue_at_risk_minor',
  'signals',
] as const

const cell = (value: string | number): string => {
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The at-risk list as CSV (RFC 4180, header line first, `\n` line ends); signals are `;`-separated. */
export const atRiskCsv = (entries: readonly AtRiskEntry[]): string =>
  [
    AT_RISK_CSV_COLUMNS.join(','),
    ...entries.map((e) =>
      [
        e.customerId,
        e.health,
        e.risk,
        e.band,
        e.trend,
        e.currency,
        e.annualValue,
        e.revenueAtRisk,
        e.signals.join(';'),
      ]
        .map(cell)
        .join(','),
    ),
  ].join('\n') + '\n'
