import { beforeAll, describe, expect, it } from 'vitest'
import type { ChurnQuality } from '../src/index.js'
import { evaluateChurnQuality } from '../src/index.js'
import { CDNOW_FILE, cdnowEvents, cdnowPresent } from './support/cdnow.js'

const present = cdnowPresent()
if (!present)
  console.warn(`churn CDNOW evaluation skipped: ${CDNOW_FILE} is absent (it lives in ../shared/data)`)

describe.skipIf(!present)('churn risk on CDNOW (real data, purchases only)', () => {
  let quality: ChurnQuality | undefined
  beforeAll(() => {
    // Risk as of 1997-10-01 against "no purchase in the following 39 weeks".
    quality = evaluateChurnQuality(cdnowEvents(), { asOf: '1997-10-01', horizonDays: 39 * 7 })
  })

  it('judges every customer, with the single-feature anchors of the published split', () => {
    expect(quality?.customers).toBe(23_570)
    expect(quality?.auc.recency).toBeCloseTo(0.76, 2)
    expect(quality?.auc.frequency).toBeCloseTo(0.75, 2)
    expect(quality?.auc.monetary).toBeCloseTo(0.72, 2)
  })

  it('ranks churners better than recency alone, measured on the same split', () => {
    const auc = quality?.auc
    expect(auc?.model).toBeGreaterThan(auc?.recency ?? 1)
    expect(auc?.modelWholePoints).toBeGreaterThan(auc?.recency ?? 1)
  })

  it('fires only purchase-behaviour signals on a purchase log', () => {
    expect(Object.keys(quality?.signals ?? {}).sort()).toEqual(
      ['early-relationship', 'purchase-frequency-falling', 'purchase-lapse', 'spend-falling'].sort(),
    )
  })
})
