import type { EventData } from '@journeykit/core'

/** One line of an OrderPlaced: `{ sku, quantity, unitPrice }`, unitPrice in minor units. */
export type OrderLine = EventData<'OrderPlaced'>['lines'][number]
