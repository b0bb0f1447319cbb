// 鲁人社发〔2024〕8号 第八条 (优先保障保生活支出): when a payment run needs more than the fund has available, the
// living-guarantee items — unemployment benefit, medical insurance paid on the person's behalf, price subsidies —
// are paid first, then refunds, subsidies and pilot items; within a class, in the order given. An item that does
// not fit waits (it is never split); a smaller later item of the same class may still fit.
import type { Fen } from '../core/money.ts';

export type PriorityClass = 'living_guarantee' | 'other';

export interface PriorityItem<K> {
  key: K;
  priority: PriorityClass;
  amountFen: Fen;
}

export interface PriorityAllocation<K> {
  paid: K[];
  waiting: K[];
  paidFen: Fen;
  remainingFen: Fen;
}

export const LIVING_GUARANTEE_BASIS = '鲁人社发〔2024〕8号 第八条';

export function allocateByPriority<K>(items: readonly PriorityItem<K>[], availableFen: Fen): PriorityAllocation<K> {
  const ordered = [...items.filter((i) => i.priority === 'living_guarantee'), ...items.filter((i) => i.priority === 'other')];
  const paid: K[] = [];
  const waiting: K[] = [];
  let remaining = Math.max(availableFen, 0);
  for (const item of ordered) {
    if (item.amountFen <= remaining) {
      paid.push(item.key);
      remaining -= item.amountFen;
    } else {
      waiting.push(item.key);
    }
  }
  return { paid, waiting, paidFen: Math.max(availableFen, 0) - remaining, remainingFen: remaining };
}
