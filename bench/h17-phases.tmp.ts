import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import { loadRefundInputs } from '../src/services/screening/refund-inputs.ts';
import { evaluateJobRetentionRefund } from '../src/policy/job-retention-refund.ts';
const params = projectParameters();
const store = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/wengang_sim_50000' });
let t = performance.now(); let after = 0; const all = [];
for (;;) { const u = await loadRefundInputs(store.db, { round: '2024', asOf: '2024-08-15', baseYear: 2023, afterId: after, limit: 5000 }); if (!u.length) break; after = u.at(-1)!.unitId; all.push(...u); }
console.log('load', (performance.now() - t) / 1000, all.length);
t = performance.now(); for (const u of all) evaluateJobRetentionRefund(u.input, params); console.log('eval once', (performance.now() - t) / 1000);
await store.close();
