import type { AtRiskEntry, CustomerEvaluation } from '@journeykit/churn'
import { currencyExponents } from '@journeykit/core'
import type { CustomerView, PortfolioKpis } from '@journeykit/customer-360'

/** Minor units as a readable amount: `12,345.67 EUR`. */
export const money = (minor: number, currency: string): string => {
  const exponent = currencyExponents[currency] ?? 2
  const amount = (minor / 10 ** exponent).toLocaleString('en-US', {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  })
  return `${amount} ${currency}`
}

const percent = (rate: number | null): string => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`)
const count = (n: number): string => n.toLocaleString('en-US')
const days = (n: number | null): string => (n === null ? 'n/a' : `${Math.round(n)} days`)

/** Rows as aligned columns (the first row is the header). */
export const table = (rows: readonly (readonly string[])[]): string => {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export const kpiTable = (k: PortfolioKpis): string => {
  const d = k.onTimeDelivery
  const rows: string[][] = [
    ['KPI', 'value', 'basis'],
    ['customers', count(k.customers), `known as of ${k.asOf}`],
    [
      'abandonment rate',
      percent(k.abandonmentRate.rate),
      `${count(k.abandonmentRate.abandoned)} of ${count(k.abandonmentRate.inquiries)} contacts`,
    ],
    [
      'first-contact resolution',
      percent(k.firstContactResolution.rate),
      `${count(k.firstContactResolution.resolved)} resolved inquiries`,
    ],
    [
      'average speed of answer',
      k.averageSpeedOfAnswer.seconds === null
        ? 'n/a'
        : `${(k.averageSpeedOfAnswer.seconds / 3600).toFixed(1)} h`,
      `${count(k.averageSpeedOfAnswer.answered)} answered`,
    ],
    [
      'SLA breach rate',
      percent(k.slaBreachRate.rate),
      `${count(k.slaBreachRate.breached)} of ${count(k.slaBreachRate.decided)} inquiries`,
    ],
    [
      'on-time delivery',
      percent(d.rate),
      `${count(d.onTime)} on time, ${count(d.late)} late, ${count(d.failed)} failed, ${count(d.overdue)} overdue`,
    ],
    ['NPS', k.nps.score === null ? 'n/a' : k.nps.score.toFixed(0), `${count(k.nps.respondents)} respondents`],
  ]
  for (const share of k.topCustomerRevenueShare)
    rows.push([
      `top-customer revenue share (${share.currency})`,
      percent(share.share),
      `${count(share.top.length)} of ${count(share.customers)} customers`,
    ])
  return table(rows)
}

/** The customers most at risk by value: one line each, then their signals with evidence. */
export const atRiskReport = (
  entries: readonly AtRiskEntry[],
  evaluations: ReadonlyMap<string, CustomerEvaluation>,
): string => {
  const lines: string[] = [
    table([
      ['#', 'customer', 'risk', 'health', 'band', 'annual value', 'revenue at risk'],
      ...entries.map((e, i) => [
        String(i + 1),
        e.customerId,
        String(e.risk),
        String(e.health),
        e.band,
        money(e.annualValue, e.currency),
        money(e.revenueAtRisk, e.currency),
      ]),
    ]),
  ]
  entries.forEach((e, i) => {
    lines.push('', `${i + 1}. ${e.customerId}`)
    for (const s of evaluations.get(e.customerId)?.signals ?? []) {
      const points = e.points[s.kind] ?? 0
      lines.push(`   - ${s.kind} (+${points}): ${s.summary}`)
      const ids = s.evidence.eventIds
      if (ids.length > 0)
        lines.push(
          `     evidence: ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? `, … (${ids.length})` : ''}`,
        )
    }
  })
  return lines.join('\n')
}

/** One customer's 360 view, the essentials, readable. */
export const viewReport = (v: CustomerView): string => {
  const owner = v.accountManager.owner
  const value = v.value.byCurrency.map(
    (c) =>
      `${money(c.lifetimeRevenue, c.currency)} lifetime, ${money(c.last12MonthsRevenue, c.currency)} in 12 months`,
  )
  const s = v.service
  const f = v.feedback
  const score = (label: string, x: { score: number; trend: string | null } | null): string =>
    x === null ? `${label} n/a` : `${label} ${x.score}${x.trend === null ? '' : ` (${x.trend})`}`
  return table([
    [
      'customer',
      `${v.customerId}: ${v.profile.name ?? '(erased)'}, ${v.profile.kind ?? '?'} in ${v.profile.country ?? '?'}, segment ${v.profile.segment ?? 'none'}`,
    ],
    ['journey stage', v.journey.stage],
    [
      'owner',
      owner.kind === 'manager' ? `${owner.managerName ?? owner.managerId} since ${owner.since}` : 'nobody',
    ],
    ['value', value.join('; ') || 'no purchases'],
    [
      'purchases',
      `${v.value.orderCount} orders, typical gap ${days(v.value.typicalGapDays)}, current gap ${days(v.value.currentGapDays)}, tier ${v.value.tier?.tier ?? 'n/a'}`,
    ],
    [
      'orders',
      `${v.orders.placed} placed, ${v.orders.open} open, ${v.orders.delivered} delivered, ${v.orders.cancelled} cancelled, ${v.orders.returned} returned`,
    ],
    [
      'deliveries',
      `${v.deliveries.onTime} on time, ${v.deliveries.late} late, ${v.deliveries.failed} failed, ${v.deliveries.overdue} overdue`,
    ],
    [
      'service',
      `${s.inquiries.received} inquiries (${s.inquiries.open} open, ${s.inquiries.unansweredPastSla} past SLA), ${s.abandoned.total} abandoned contacts (${s.abandoned.notFollowedUp} not followed up)`,
    ],
    ['feedback', `${score('NPS', f.nps)}, ${score('CSAT', f.csat)}, ${score('CES', f.ces)}`],
    ['contact persons', `${v.contactPersons.people.length} known`],
  ])
}
