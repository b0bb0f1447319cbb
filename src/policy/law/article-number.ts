// Article labels as the notices write them (第一条 … 第九十九条, 第一百零二条) and their numbers, both ways.

const DIGITS = '零一二三四五六七八九';
const ARTICLE_LABEL_RE = /^第([零〇一二三四五六七八九十百]+)条$/;

/** The article pattern for embedding in larger regular expressions. */
export const ARTICLE_PATTERN = '第[零〇一二三四五六七八九十百]+条';

/** 1 → 第一条, 17 → 第十七条, 46 → 第四十六条, 102 → 第一百零二条 (1 … 999). */
export function articleLabel(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`条款序号超出范围：${n}`);
  const [hundreds, tens, units] = [Math.floor(n / 100), Math.floor((n % 100) / 10), n % 10];
  let text = hundreds ? `${DIGITS[hundreds]}百` : '';
  if (tens) text += `${tens === 1 && !hundreds ? '' : DIGITS[tens]}十`;
  else if (hundreds && units) text += '零';
  if (units) text += DIGITS[units];
  return `第${text}条`;
}

/** 第四十六条 → 46; undefined unless the label is written the canonical way (第一十条 and 第十〇条 are not). */
export function articleNumber(label: string): number | undefined {
  const numeral = ARTICLE_LABEL_RE.exec(label)?.[1];
  if (!numeral) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of numeral) {
    if (ch === '十' || ch === '百') {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else digit = ch === '〇' ? 0 : DIGITS.indexOf(ch);
  }
  total += digit;
  return total >= 1 && total <= 999 && articleLabel(total) === label ? total : undefined;
}
