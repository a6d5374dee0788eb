import { evaluatePortfolio, topAtRisk, churnProjection } from '@journeykit/churn'
import type { CustomerEvaluation } from '@journeykit/churn'
import { toEpochMs } from '@journeykit/core'
import { customer360Projection, customerView, portfolioKpis } from '@journeykit/customer-360'
import { projectionProcessor } from '@journeykit/projections'
import { simulate } from '@journeykit/simulator'
import { memoryEventStore, recordInBulk } from '@journeykit/store-memory'
import { intFlag } from '../args.js'
import type { Command } from '../command.js'
import { rebuildFromStore } from '../history.js'
import { println } from '../io.js'
import { progressBar } from '../progress.js'
import { atRiskReport, kpiTable, viewReport } from '../report.js'

const usage = `Usage: journeykit demo [--customers N] [--seed S]

Simulates a customer portfolio into the in-memory store, rebuilds the customer 360 and churn projections,
and prints the portfolio KPIs, the 10 customers most at risk by value with their signals and evidence, and
the 360 view of the customer at the top of that list.

  --customers N   customers to simulate (default 5000, about 500k events)
  --seed S        simulation seed (default 42; the same seed gives the same report)

Example:
  journeykit demo --customers 1000 --seed 7`

/** The currency most customers at risk are valued in (currencies are never mixed in one ranking). */
const mainCurrency = (evaluations: readonly CustomerEvaluation[]): string => {
  const counts = new Map<string, number>()
  for (const e of evaluations)
    for (const [currency, minor] of Object.entries(e.revenueAtRisk))
      if (minor > 0) counts.set(currency, (counts.get(currency) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'EUR'
}

export const demo: Command = {
  name: 'demo',
  summary: 'simulate a portfolio, rebuild the 360 and churn projections, print the report',
  usage,
  flags: { customers: { type: 'string' }, seed: { type: 'string' } },
  run: async (parsed, io) => {
    const customers = intFlag(parsed, 'customers', 5000, usage)
    const seed = intFlag(parsed, 'seed', 42, usage)
    const store = memoryEventStore()
    const bar = progressBar('simulate', io.stderr)
    let latestMs = -Infinity
    let asOf = ''
    let done = 0
    const events = simulate({ customers, seed })
    const tracked = function* () {
      for (const event of events) {
        const ms = toEpochMs(event.occurredAt)
        if (ms > latestMs) [latestMs, asOf] = [ms, event.occurredAt]
        if (++done % 8192 === 0) bar.update({ done, total: undefined })
        yield event
      }
    }
    recordInBulk(store, tracked())
    bar.done({ done, total: done })

    const projection = customer360Projection()
    const view = projectionProcessor(projection, { freeze: 'never' })
    const facts = projectionProcessor(churnProjection, { freeze: 'never' })
    await rebuildFromStore(store, [view, facts], io)

    const partitions = view.snapshot().partitions
    const kpis = portfolioKpis(partitions, asOf, { options: projection.options })
    const churn = evaluatePortfolio(facts.snapshot().partitions, asOf)
    const currency = mainCurrency(churn.evaluations)
    const top = topAtRisk(churn.evaluations, currency, 10)
    const byId = new Map(churn.evaluations.map((e) => [e.customerId, e]))

    const out = io.stdout
    println(
      out,
      `journeykit demo: ${customers.toLocaleString('en-US')} customers, ${done.toLocaleString('en-US')} events (seed ${seed}), as of ${asOf}`,
    )
    println(out)
    println(out, 'Portfolio KPIs')
    println(out, kpiTable(kpis))
    println(out)
    const bands = churn.view.bands
    println(
      out,
      `Health: ${bands.healthy} healthy, ${bands.watch} watch, ${bands.at_risk} at risk, ${bands.critical} critical`,
    )
    println(out)
    println(out, `The 10 customers most at risk by value (${currency}; currencies are never mixed)`)
    println(out, atRiskReport(top, byId))
    const first = top[0]
    const firstView =
      first === undefined
        ? undefined
        : customerView(partitions, first.customerId, asOf, { options: projection.options })
    if (firstView !== undefined) {
      println(out)
      println(out, `Customer 360: ${firstView.customerId}`)
      println(out, viewReport(firstView))
    }
    return 0
  },
}
