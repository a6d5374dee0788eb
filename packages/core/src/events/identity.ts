import * as t from 'io-ts'
import {
  CountryCode,
  FreeText,
  Id,
  IntInRange,
  NonEmptyString,
  PositiveInt,
  CalendarDate,
} from '../codecs/primitives.js'
import { defineEvent } from './define.js'
import { Channel, ConsentPurpose, CustomerKind, IdentityKind } from './enums.js'

export const CustomerRegistered = defineEvent({
  type: 'CustomerRegistered',
  group: 'identity',
  summary: 'A customer (a person or an organization) becomes known to us. Every journey starts here.',
  required: {
    kind: [CustomerKind, 'person or organization'],
    name: [NonEmptyString, 'full name of the person or legal name of the organization (personal data)'],
    country: [CountryCode, 'ISO 3166-1 alpha-2 country of residence or registration'],
  },
  optional: {
    segment: [NonEmptyString, 'a business segment such as "enterprise" or "consumer"'],
  },
})

export const ProfileUpdated = defineEvent({
  type: 'ProfileUpdated',
  group: 'identity',
  summary: 'Profile fields change; absent fields keep their value.',
  required: {},
  optional: {
    name: [NonEmptyString, 'new name (personal data)'],
    country: [CountryCode, 'new country'],
    segment: [NonEmptyString, 'new segment'],
  },
  check: (d) =>
    d.name === undefined && d.country === undefined && d.segment === undefined
      ? 'must change at least one of name, country, segment'
      : undefined,
})

export const IdentityLinked = defineEvent({
  type: 'IdentityLinked',
  group: 'identity',
  summary: 'An email address, phone number or id in another system is linked to the customer.',
  required: {
    kind: [IdentityKind, 'email, phone or external (an id in another system)'],
    value: [NonEmptyString, 'the address, number or external id (personal data)'],
  },
  optional: {
    system: [NonEmptyString, 'for external ids: the system that issued it, such as "sap"'],
  },
})

export const ContactPersonAdded = defineEvent({
  type: 'ContactPersonAdded',
  group: 'identity',
  summary: 'At a business customer, a person we deal with becomes known.',
  required: {
    personId: [Id, 'our id for the contact person'],
    name: [NonEmptyString, 'the person’s name (personal data)'],
    role: [NonEmptyString, 'their role, such as "purchasing" or "CTO"'],
    champion: [t.boolean, 'true when this person champions us inside the customer'],
  },
  optional: {
    email: [NonEmptyString, 'their email (personal data)'],
    phone: [NonEmptyString, 'their phone (personal data)'],
  },
})

export const ContactPersonLeft = defineEvent({
  type: 'ContactPersonLeft',
  group: 'identity',
  summary: 'A contact person no longer works with us at the customer (left the company, changed role).',
  required: { personId: [Id, 'the contact person who left'] },
  optional: { reason: [FreeText, 'why, as told (free text)'] },
})

export const AccountManagerAssigned = defineEvent({
  type: 'AccountManagerAssigned',
  group: 'identity',
  summary: 'Someone on our side now owns the customer (replacing any previous owner).',
  required: { managerId: [Id, 'employee id of the account manager'] },
  optional: { managerName: [NonEmptyString, 'display name of the account manager'] },
})

export const AccountManagerUnassigned = defineEvent({
  type: 'AccountManagerUnassigned',
  group: 'identity',
  summary: 'The account manager no longer owns the customer; until the next assignment nobody does.',
  required: { managerId: [Id, 'the account manager who stops owning the customer'] },
  optional: { reason: [FreeText, 'why (left the company, territory change)'] },
})

export const ConsentGiven = defineEvent({
  type: 'ConsentGiven',
  group: 'identity',
  summary: 'The customer allows us to contact them on a channel for a purpose.',
  required: {
    channel: [Channel, 'the channel the consent covers'],
    purpose: [ConsentPurpose, 'marketing, service, profiling or third_party'],
  },
})

export const ConsentWithdrawn = defineEvent({
  type: 'ConsentWithdrawn',
  group: 'identity',
  summary: 'The customer withdraws a consent they gave.',
  required: {
    channel: [Channel, 'the channel'],
    purpose: [ConsentPurpose, 'the purpose'],
  },
})

export const CreditScoreAssessed = defineEvent({
  type: 'CreditScoreAssessed',
  group: 'identity',
  summary: 'A credit score for the customer, on a 0-1000 scale (map other scales before recording).',
  required: {
    score: [IntInRange('CreditScore', 0, 1000), 'the score, 0 (worst) to 1000 (best)'],
    agency: [NonEmptyString, 'who assessed it'],
  },
  optional: { validUntil: [CalendarDate, 'when the assessment expires'] },
})

export const CustomerForgotten = defineEvent({
  type: 'CustomerForgotten',
  group: 'identity',
  summary:
    'An erasure request: projections drop all personal data of the customer; anonymous aggregates may stay. Nothing can happen to the customer afterwards.',
  required: {},
  optional: {
    requestedBy: [NonEmptyString, 'who asked (the customer, a regulator)'],
    ticket: [NonEmptyString, 'the reference of the request'],
  },
})

export const LeadCaptured = defineEvent({
  type: 'LeadCaptured',
  group: 'marketing',
  summary: 'Interest from the customer is captured from a source (a fair, a form, a partner).',
  required: { source: [NonEmptyString, 'where the lead came from'] },
  optional: {
    partnerId: [Id, 'the channel partner who brought the lead'],
    interest: [NonEmptyString, 'the product or topic of interest'],
    score: [PositiveInt, 'a lead score from the source system'],
  },
})
