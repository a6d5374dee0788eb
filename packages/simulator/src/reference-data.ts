import { currencyExponents } from '@journeykit/core'
import type { Weighted } from './random.js'
import { weighted } from './random.js'

/** Where a customer lives: the country decides currency, time zone and phone prefix. */
export interface Market {
  readonly country: string
  readonly timeZone: string
  /** The zone's standard offset from UTC in minutes (daylight saving moves local times by at most an hour). */
  readonly standardOffsetMinutes: number
  readonly currency: string
  /** Units of the currency per euro: catalogue prices are in euros. */
  readonly perEuro: number
  readonly phonePrefix: string
  readonly legalForm: string
}

const market = (
  country: string,
  timeZone: string,
  standardOffsetMinutes: number,
  currency: string,
  perEuro: number,
  phonePrefix: string,
  legalForm: string,
): Market => ({ country, timeZone, standardOffsetMinutes, currency, perEuro, phonePrefix, legalForm })

export const markets: Weighted<Market> = weighted([
  [market('DE', 'Europe/Berlin', 60, 'EUR', 1, '+49', 'GmbH'), 22],
  [market('FR', 'Europe/Paris', 60, 'EUR', 1, '+33', 'SAS'), 10],
  [market('NL', 'Europe/Amsterdam', 60, 'EUR', 1, '+31', 'B.V.'), 6],
  [market('GB', 'Europe/London', 0, 'GBP', 0.86, '+44', 'Ltd'), 12],
  [market('US', 'America/New_York', -300, 'USD', 1.1, '+1', 'Inc.'), 14],
  [market('US', 'America/Los_Angeles', -480, 'USD', 1.1, '+1', 'LLC'), 8],
  [market('BR', 'America/Sao_Paulo', -180, 'BRL', 5.5, '+55', 'Ltda.'), 9],
  [market('JP', 'Asia/Tokyo', 540, 'JPY', 160, '+81', 'K.K.'), 7],
  [market('SE', 'Europe/Stockholm', 60, 'SEK', 11.5, '+46', 'AB'), 4],
  [market('AU', 'Australia/Sydney', 600, 'AUD', 1.65, '+61', 'Pty Ltd'), 4],
])

/** A product of the catalogue; prices in euros. */
export interface Product {
  readonly sku: string
  readonly category: string
  readonly priceEuro: number
  /** Years of warranty cover (0 for none). */
  readonly warrantyYears: number
}

const product = (sku: string, category: string, priceEuro: number, warrantyYears = 0): Product => ({
  sku,
  category,
  priceEuro,
  warrantyYears,
})

/** What persons buy, cheapest first. */
export const consumerProducts: readonly [Product, ...Product[]] = [
  product('TEA-LOOSE', 'grocery', 9),
  product('COFFEE-BEANS', 'grocery', 14),
  product('BOOK', 'media', 18),
  product('PHONE-CASE', 'accessories', 19),
  product('HOUSE-PLANT', 'garden', 22),
  product('T-SHIRT', 'apparel', 25),
  product('CHARGER', 'accessories', 29, 1),
  product('DESK-LAMP', 'home', 45, 1),
  product('VIDEO-GAME', 'media', 59),
  product('BLENDER', 'home', 79, 2),
  product('HEADPHONES', 'electronics', 89, 2),
  product('SNEAKERS', 'apparel', 110),
  product('WINTER-JACKET', 'apparel', 180),
  product('SMARTWATCH', 'electronics', 249, 2),
  product('VACUUM-ROBOT', 'home', 299, 2),
  product('TABLET', 'electronics', 499, 2),
  product('LAPTOP', 'electronics', 1199, 2),
]

/** What organizations buy, cheapest first. */
export const businessProducts: readonly [Product, ...Product[]] = [
  product('CABLE-SET', 'accessories', 12),
  product('PAPER-A4-BOX', 'office', 35),
  product('CLEANING-KIT', 'facility', 48),
  product('TONER', 'office', 89),
  product('SUPPORT-HOURS', 'services', 120),
  product('DOCKING-STATION', 'electronics', 180, 2),
  product('MONITOR', 'electronics', 230, 3),
  product('OFFICE-CHAIR', 'furniture', 260, 2),
  product('LASER-PRINTER', 'electronics', 380, 2),
  product('STANDING-DESK', 'furniture', 420, 5),
  product('SOFTWARE-LICENSE', 'software', 600),
  product('COFFEE-MACHINE', 'facility', 890, 2),
  product('SERVER', 'electronics', 4200, 3),
]

export const firstNames: readonly [string, ...string[]] = [
  'Ana',
  'Ben',
  'Chloé',
  'Daniel',
  'Elif',
  'Fatima',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kenji',
  'Lena',
  'Mateo',
  'Nora',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Vera',
  'Wei',
  'Yara',
  'Zoe',
  'Lucas',
  'Amara',
  'Emil',
  'Sofia',
  'Noah',
  'Mia',
  'Liam',
  'Aiko',
  'João',
  'Maëlle',
  'Olivia',
]

export const lastNames: readonly [string, ...string[]] = [
  'Almeida',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Hansen',
  'Ito',
  'Jansen',
  'Kowalski',
  'Lefèvre',
  'Müller',
  'Nakamura',
  'Oliveira',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urban',
  'Visser',
  'Wagner',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Smith',
  'Brown',
  'Silva',
  'Martin',
]

export const companyWords: readonly [string, ...string[]] = [
  'Alpine',
  'Blue',
  'Cedar',
  'Delta',
  'Evergreen',
  'Falcon',
  'Granite',
  'Harbor',
  'Iron',
  'Juniper',
  'Keystone',
  'Lumen',
  'Meridian',
  'Northwind',
  'Orbit',
  'Pioneer',
  'Quantum',
  'Riverside',
  'Summit',
  'Tidal',
  'Unity',
  'Vertex',
  'Willow',
  'Zenith',
]

export const companyNouns: readonly [string, ...string[]] = [
  'Logistics',
  'Systems',
  'Foods',
  'Clinics',
  'Builders',
  'Retail',
  'Labs',
  'Partners',
  'Motors',
  'Energy',
  'Hotels',
  'Media',
  'Pharma',
  'Textiles',
  'Consulting',
  'Schools',
]

export const contactRoles: readonly [string, ...string[]] = [
  'purchasing',
  'CTO',
  'office manager',
  'head of operations',
  'finance',
  'CEO',
  'IT administrator',
  'facility manager',
]

export const carriers: readonly [string, ...string[]] = [
  'DHL',
  'UPS',
  'DPD',
  'FedEx',
  'GLS',
  'PostNL',
  'Correios',
  'Yamato',
]

const productsBySku = new Map<string, Product>(
  [...consumerProducts, ...businessProducts].map((p) => [p.sku, p]),
)

/** Years of warranty that come with a product (0 for none or an unknown SKU). */
export const warrantyYears = (sku: string): number => productsBySku.get(sku)?.warrantyYears ?? 0

/** Minor units of the market's currency that one euro buys (100 for EUR, 160 for JPY, which has no cents). */
export const minorUnitsPerEuro = (market: Market): number =>
  Math.pow(10, currencyExponents[market.currency] ?? 2) * market.perEuro

const emailSafeText = new Map<string, string>()
/** `Tomás Müller` as `tomas-muller`: for example email addresses (kept, there are few distinct names). */
export const emailSafe = (text: string): string => {
  let safe = emailSafeText.get(text)
  if (safe === undefined) {
    safe = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
    emailSafeText.set(text, safe)
  }
  return safe
}
