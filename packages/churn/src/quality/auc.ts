/**
 * ROC AUC of `scores` (higher = more likely positive) against `positives`: the Mann-Whitney U statistic over
 * nPositive × nNegative, with tied scores given their average rank (a tied pair counts one half).
 * NaN when either class is empty.
 */
export const rocAuc = (scores: readonly number[], positives: readonly boolean[]): number => {
  if (scores.length !== positives.length)
    throw new RangeError(`rocAuc: ${scores.length} scores but ${positives.length} labels`)
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0))
  let rankSumPositives = 0
  let nPositive = 0
  let i = 0
  while (i < order.length) {
    let j = i
    const score = scores[order[i] ?? 0]
    while (j + 1 < order.length && scores[order[j + 1] ?? 0] === score) j++
    const averageRank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) {
      if (positives[order[k] ?? 0] === true) {
        rankSumPositives += averageRank
        nPositive++
      }
    }
    i = j + 1
  }
  const nNegative = scores.length - nPositive
  if (nPositive === 0 || nNegative === 0) return Number.NaN
  return (rankSumPositives - (nPositive * (nPositive + 1)) / 2) / (nPositive * nNegative)
}
