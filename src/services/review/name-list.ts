// Names listed in a message, shortened so that a refusal about thousands of units stays readable.

const SHOWN = 10;

/** `甲公司、乙公司` or `甲公司、乙公司…等 25 个`. */
export function nameList(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN).join('、');
  return names.length > SHOWN ? `${shown}…等 ${names.length} 个` : shown;
}
