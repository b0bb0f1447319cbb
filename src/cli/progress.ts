// Progress lines on stderr: rewritten in place on a terminal, every 10% otherwise.

const TABLE_LABELS = { units: '单位', persons: '人员' } as const;

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** `生成 单位 12,000 / 50,000 (24%)`: rewritten in place on a terminal, every 10% otherwise. */
export function progressPrinter(
  out: NodeJS.WriteStream,
): (table: keyof typeof TABLE_LABELS, done: number, total: number) => void {
  const lastTenth = new Map<string, number>();
  return (table, done, total) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
    const line = `生成 ${TABLE_LABELS[table]} ${formatCount(done)} / ${formatCount(total)} (${percent}%)`;
    if (out.isTTY) {
      out.write(`\r${line}\x1b[K${table === 'persons' && done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (lastTenth.get(table) === tenth) return;
    lastTenth.set(table, tenth);
    out.write(`${line}\n`);
  };
}
