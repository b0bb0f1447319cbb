// Who may act on payments: finance staff (and, for creating payments, the system). 鲁人社发〔2024〕8号 第八条：
// 规范资金管理 — payments are made by finance, each batch proposed by one person and authorised by another.
import type { Actor } from '../../domain/refund-case.ts';
import { Refusal } from '../../domain/refusal.ts';

export function assertFinance(actor: Actor, allowSystem = false): void {
  if (actor.kind === 'staff' && actor.role === 'finance') return;
  if (allowSystem && actor.kind === 'system') return;
  throw new Refusal('FORBIDDEN', '只有财务人员可以办理稳岗返还支付');
}
