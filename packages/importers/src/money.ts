/**
 * Exact decimal money. A decimal string such as "11.77" is turned into integer minor units (1177) by reading
 * its digits, never through floating point, so no amount drifts by a cent.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

/**
 * The integer minor units of a non-negative decimal amount with at most `exponent` decimals ("99.9" → 9990
 * for exponent 2); a string saying why when it is not one.
 */
export const minorUnitsOf = (text: string, exponent = 2): number | string => {
  const m = DECIMAL.exec(text)
  if (m === null) return `must be a non-negative decimal amount such as 12.34, got ${JSON.stringify(text)}`
  const whole = m[1] ?? '0'
  const fraction = m[2] ?? ''
  if (fraction.length > exponent) return `must have at most ${exponent} decimals, got ${JSON.stringify(text)}`
  const units = Number(whole + fraction.padEnd(exponent, '0'))
  return Number.isSafeInteger(units) ? units : `is too large, got ${JSON.stringify(text)}`
}

/** A non-negative integer written in digits only; a reason otherwise. */
export const wholeNumberOf = (text: string): number | string => {
  if (!/^\d+$/.test(text)) return `must be a whole number, got ${JSON.stringify(text)}`
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : `is too large, got ${JSON.stringify(text)}`
}
