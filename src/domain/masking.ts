// Masking of personal data for display in lists: only as much is shown as a clerk needs to tell records apart.
// A value too short to hide anything is masked in full, so a masked field never reveals a whole value.

const MASK = '*';

/** Keeps `head` leading and `tail` trailing characters and replaces each character between them with `*`. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value.trim()];
  if (chars.length <= head + tail) return MASK.repeat(chars.length);
  return chars.slice(0, head).join('') + MASK.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** ID number: first 4 and last 4 (`3710**********1234`). */
export function maskIdNumber(value: string): string {
  return keepEnds(value, 4, 4);
}

/** Phone number: first 3 and last 4 (`138****5678`). */
export function maskPhone(value: string): string {
  return keepEnds(value, 3, 4);
}

/** Unified social credit code: first 6 and last 4 (`913710********139Q`). */
export function maskCreditCode(value: string): string {
  return keepEnds(value, 6, 4);
}

/** Bank account: last 4 only, behind a fixed-width mask so the length is not shown either (`**** **** **** 1234`). */
export function maskBankAccount(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  const tail = digits.length > 4 ? digits.slice(-4) : MASK.repeat(4);
  return `**** **** **** ${tail}`;
}

/** Compound surnames kept whole when masking a name (欧阳娜娜 → 欧阳**). */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '澹台',
  '呼延',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '东郭',
  '万俟',
  '闻人',
  '赫连',
  '申屠',
  '太史',
  '拓跋',
  '第五',
  '公冶',
  '濮阳',
  '单于',
  '仲孙',
  '叔孙',
  '司空',
  '左丘',
  '梁丘',
  '微生',
  '羊舌',
  '亓官',
]);

/** Chinese name: the surname stays, every other character becomes `*` (`张*`, `欧阳**`); `·` separators stay. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  if (chars.length <= keep) return MASK.repeat(chars.length);
  return chars.map((c, i) => (i < keep || c === '·' ? c : MASK)).join('');
}
