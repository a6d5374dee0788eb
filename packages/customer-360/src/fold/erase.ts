import type { Customer360State } from '../state/state.js'
import { recordsOf } from '../state/table.js'

/**
 * Drops every piece of personal data the state holds: names, identity values, contact persons' names, emails and
 * phones, inquiry texts, complaint comments and survey comments. Counts, amounts, times, channels, ids and
 * categories stay (anonymous aggregates). From then on `erased` stops the handlers from storing personal data.
 */
export const eraseCustomer = (s: Customer360State): void => {
  s.erased = true
  for (const change of s.names) change.value = null
  for (const identity of s.identities) identity.value = null
  for (const person of recordsOf(s.contactPersons)) {
    person.name = null
    person.email = null
    person.phone = null
  }
  for (const inquiry of recordsOf(s.inquiries)) inquiry.text = null
  for (const complaint of recordsOf(s.complaints)) complaint.comment = null
  for (const survey of s.surveys) survey.comment = null
}
