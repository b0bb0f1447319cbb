// A major incident report (要情报告, 鲁人社发〔2024〕8号 第八条) as staff see it: append-only, a correction or further
// follow-up is a new entry naming the one it corrects.
import type { IncidentCategory } from './vocabulary/fund.ts';

export interface Incident {
  id: number;
  occurredAt: Date;
  regionCode: string;
  regionName: string;
  category: IncidentCategory;
  categoryLabel: string;
  description: string;
  followUp: string | null;
  correctsId: number | null;
  recordedBy: string;
  recordedAt: Date;
}
