import type { Sim } from '../sim.js'
import { emit } from '../sim.js'
import { forgetSomeChurners, setUpAccount, startSubscription } from './account.js'
import { startSurveys } from './feedback.js'
import { captureLead, giveInitialConsents, startCampaigns, startForecasts } from './marketing.js'
import { startPurchasing } from './purchasing.js'
import { startContacts } from './service.js'

/** The first step of every customer: they register, and everything else that will happen to them is set going. */
export const registration = (c: Sim): void => {
  const p = c.profile
  c.lastChurnCheckMs = c.now
  emit(c, 'CustomerRegistered', { kind: p.kind, name: p.name, country: p.market.country, segment: p.segment })
  setUpAccount(c)
  giveInitialConsents(c)
  captureLead(c)
  startPurchasing(c)
  startContacts(c)
  startSurveys(c)
  startCampaigns(c)
  startForecasts(c)
  startSubscription(c)
  forgetSomeChurners(c)
}
