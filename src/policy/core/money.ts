// Money is integer fen. Every rounding of money in the policy core happens in this file.

/** Integer fen. Always a safe integer; never floating yuan. */
export type Fen = number;

/** Basis points: 10000 bp = 100%. */
export type BasisPoints = number;

const BP_PER_UNIT = 10_000n;

function toBig(fen: Fen, what: string): bigint {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${what} must be a safe integer of fen, got ${fen}`);
  return BigInt(fen);
}

function toSafe(value: bigint): Fen {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${value} fen is outside the safe integer range`);
  return n;
}

/** Half-up (away from zero) division of integers: the one rounding rule for money. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** A ratio applied to money: base × bp / 10000, rounded half-up to the fen, once. */
export function applyRatioHalfUp(baseFen: Fen, ratioBp: BasisPoints): Fen {
  return toSafe(divideHalfUp(toBig(baseFen, 'base') * BigInt(ratioBp), BP_PER_UNIT));
}

/**
 * Shares of a whole: each base × bp / 10000 rounded half-up, then — when the shares' roundings add up to more than
 * `ceilingFen` — one fen taken back from the shares that were rounded up the most (the smallest fractions), until the
 * total fits (largest-remainder apportionment).
 */
export function applyRatioWithinCeiling(basesFen: readonly Fen[], ratioBp: BasisPoints, ceilingFen: Fen): Fen[] {
  const exact = basesFen.map((base) => toBig(base, 'base') * BigInt(ratioBp));
  const shares = exact.map((product) => divideHalfUp(product, BP_PER_UNIT));
  let excess = shares.reduce((a, b) => a + b, 0n) - toBig(ceilingFen, 'ceiling');
  // How much each share was rounded up, in 1/10000 fen: take back from the largest round-up first (stable by index).
  const roundedUp = shares
    .map((share, i) => ({ i, up: share * BP_PER_UNIT - exact[i]! }))
    .filter(({ up }) => up > 0n)
    .sort((a, b) => (a.up === b.up ? a.i - b.i : a.up > b.up ? -1 : 1));
  for (const { i } of roundedUp) {
    if (excess <= 0n) break;
    shares[i]! -= 1n;
    excess -= 1n;
  }
  if (excess > 0n) throw new RangeError(`shares rounded down still exceed the ceiling of ${ceilingFen} fen`);
  return shares.map(toSafe);
}

/** A legal ceiling: base × bp / 10000 rounded down, so the cap can never exceed the law. */
export function applyCapFloor(baseFen: Fen, ratioBp: BasisPoints): Fen {
  const product = toBig(baseFen, 'base') * BigInt(ratioBp);
  const floored = product >= 0n ? product / BP_PER_UNIT : -((-product + BP_PER_UNIT - 1n) / BP_PER_UNIT);
  return toSafe(floored);
}

/** Sum of fen amounts without leaving the safe integer range. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  // Safe integers whose running totals all stay safe add up exactly as numbers; anything else takes the bigint path.
  const list = Array.isArray(amounts) ? (amounts as readonly Fen[]) : [...amounts];
  let quick = 0;
  for (const a of list) {
    quick += a;
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(quick)) return sumFenExactly(list);
  }
  return quick;
}

function sumFenExactly(amounts: readonly Fen[]): Fen {
  let total = 0n;
  for (const a of amounts) total += toBig(a, 'amount');
  return toSafe(total);
}

/** Fen as a yuan string with two decimals and thousands separators, e.g. 123456 → "1,234.56". */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}
