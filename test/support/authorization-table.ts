// The authorisation matrix, written down independently of the routes' own `config.access`: for every API
// route (`METHOD url`, as registered), who may call it, what it touches, and a request that reaches it for a target
// district. test/integration/security/authorization-matrix.test.ts holds the server to this table, and fails on a
// route without an entry or an entry without a route.
//   allowed  'public', or the staff roles (any one of them suffices) and whether a signed-in unit or person may call
//   touches  'none'   — nothing the guard ties to a region: reference data, the caller's own records, and lists and
//                       tallies a district account reads city-wide (batch and notice lists, run figures, progress)
//            'all'    — the whole data set: city-wide staff only, refused to a district account
//            'region' — the target district's records: refused to a district account for another district
import type { StaffRole } from '../../src/domain/staff-roles.ts';
import { ROUND, type Target } from './authorization-fixtures.ts';

export type Allowed = 'public' | { staff: readonly StaffRole[]; unit?: true; person?: true };
export type Touches = 'none' | 'all' | 'region';

export interface RouteRequest {
  url: string;
  payload?: string | Buffer | object;
  headers?: Record<string, string>;
}

export interface MatrixEntry {
  allowed: Allowed;
  touches: Touches;
  request(target: Target): RouteRequest;
  /** The handler itself answers 401 UNAUTHENTICATED to a caller without a session (GET /session says who is signed in). */
  anonymousAnswer?: 'UNAUTHENTICATED';
}

const CASE_STAFF = ['case_worker', 'reviewer', 'finance', 'auditor'] as const;
const ALL_STAFF = [...CASE_STAFF, 'administrator'] as const;
const CASE_WORKER = ['case_worker'] as const;
const REVIEWER = ['reviewer'] as const;
const WORKER_OR_REVIEWER = ['case_worker', 'reviewer'] as const;
const FINANCE = ['finance'] as const;
const FINANCE_READERS = ['finance', 'auditor'] as const;
const AUDITOR = ['auditor'] as const;
const FUND_READERS = ['finance', 'reviewer', 'auditor'] as const;
const PLAN_REVIEWERS = ['finance', 'reviewer'] as const;
const ADMINISTRATOR = ['administrator'] as const;
const SIMULATION_EDITORS = ['case_worker', 'reviewer', 'finance'] as const;

const TOKEN = 'A'.repeat(43);
const CREDIT_CODE = '91371002MA3C100011';
const ID_NUMBER = '371002198501010011';

const at = (url: string, payload?: object): RouteRequest => ({ url, payload });
const open = (request: (target: Target) => RouteRequest): MatrixEntry => ({ allowed: 'public', touches: 'none', request });
const staff = (roles: readonly StaffRole[], touches: Touches, request: (target: Target) => RouteRequest): MatrixEntry => ({
  allowed: { staff: roles },
  touches,
  request,
});

/** A multipart form as a browser sends it: text fields and .xlsx files. */
function multipart(fields: Record<string, string>, files: Record<string, Buffer>): Pick<RouteRequest, 'payload' | 'headers'> {
  const boundary = '----wengang-matrix-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, bytes] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${name}.xlsx"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The dispatch upload form for the target's unit (its scope is checked by the handler once the form is read). */
const dispatchUpload =
  (url: string) =>
  (t: Target): RouteRequest => ({
    url,
    ...multipart({ round: ROUND, unitId: String(t.unitId) }, { placements: t.placementsXlsx }),
  });
const dispatchSubmitters = { staff: CASE_WORKER, unit: true } as const;

const evaluate = (rule: string): [string, MatrixEntry] => [
  `POST /api/v1/evaluate/${rule}`,
  open(() => at(`/api/v1/evaluate/${rule}`, {})),
];

export const authorizationTable: Record<string, MatrixEntry> = {
  'GET /api/v1/status': open(() => at('/api/v1/status')),
  ...Object.fromEntries(
    [
      'contribution',
      'job-retention-refund',
      'dispatch-allocation',
      'enterprise-size',
      'skill-subsidy',
      'unemployment-benefit',
      'spending-cap',
      'identifier',
    ].map(evaluate),
  ),

  // Sign-in and the session.
  'POST /api/v1/session/staff': open(() => at('/api/v1/session/staff', { username: 'nobody', password: 'wrong-password' })),
  'POST /api/v1/session/unit/code': open(() => at('/api/v1/session/unit/code', { creditCode: CREDIT_CODE })),
  'POST /api/v1/session/unit': open(() => at('/api/v1/session/unit', { creditCode: CREDIT_CODE, code: '000000' })),
  'POST /api/v1/session/person/code': open(() => at('/api/v1/session/person/code', { idNumber: ID_NUMBER })),
  'POST /api/v1/session/person': open(() => at('/api/v1/session/person', { idNumber: ID_NUMBER, code: '000000' })),
  'GET /api/v1/session': { ...open(() => at('/api/v1/session')), anonymousAnswer: 'UNAUTHENTICATED' },
  'POST /api/v1/session/sign-out': {
    allowed: { staff: ALL_STAFF, unit: true, person: true },
    touches: 'none',
    request: () => at('/api/v1/session/sign-out'),
  },
  'POST /api/v1/session/password': staff(ALL_STAFF, 'none', () =>
    at('/api/v1/session/password', { current: 'not-my-password', next: 'Weihai#2024next' }),
  ),

  // Staff accounts: the list is filtered to the administrator's region by the handler.
  'GET /api/v1/accounts': staff(ADMINISTRATOR, 'none', () => at('/api/v1/accounts')),
  'GET /api/v1/regions': staff(ALL_STAFF, 'none', () => at('/api/v1/regions')),
  'POST /api/v1/accounts': staff(ADMINISTRATOR, 'region', (t) =>
    at('/api/v1/accounts', {
      username: `matrix.new.${t.regionCode}`,
      displayName: '新账号',
      roles: ['case_worker'],
      regionCode: t.regionCode,
      password: 'Weihai#2024pass',
    }),
  ),
  ...Object.fromEntries(
    ['disable', 'enable', 'unlock'].map((action) => [
      `POST /api/v1/accounts/:id/${action}`,
      staff(ADMINISTRATOR, 'region', (t) => at(`/api/v1/accounts/${t.accountId}/${action}`)),
    ]),
  ),
  'POST /api/v1/accounts/:id/password': staff(ADMINISTRATOR, 'region', (t) =>
    at(`/api/v1/accounts/${t.accountId}/password`, { password: 'Weihai#2024reset' }),
  ),

  // Screening. A run's figures are city-wide tallies.
  'POST /api/v1/rounds/:round/screenings': staff(CASE_WORKER, 'region', (t) =>
    at(`/api/v1/rounds/${ROUND}/screenings`, { region: t.regionCode }),
  ),
  'GET /api/v1/screenings/:id': staff(CASE_STAFF, 'none', (t) => at(`/api/v1/screenings/${t.runId}`)),
  'GET /api/v1/screenings/:a/diff/:b': staff(CASE_STAFF, 'all', (t) => at(`/api/v1/screenings/${t.runId}/diff/${t.runId}`)),
  'GET /api/v1/rounds/:round/decisions': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/rounds/${ROUND}/decisions?region=${t.regionCode}`),
  ),
  'GET /api/v1/rounds/:round/decisions/export': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/rounds/${ROUND}/decisions/export?region=${t.regionCode}`),
  ),
  'GET /api/v1/rounds/:round/units/:unitId/decision': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/rounds/${ROUND}/units/${t.unitId}/decision`),
  ),

  // Review (maker-checker). The batch list shows batch totals only.
  'GET /api/v1/review/batches': staff(CASE_STAFF, 'none', () => at('/api/v1/review/batches')),
  'POST /api/v1/review/batches': staff(CASE_WORKER, 'region', (t) =>
    at('/api/v1/review/batches', { round: ROUND, regionCode: t.regionCode }),
  ),
  'POST /api/v1/review/batches/:id/approve': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/review/batches/${t.reviewBatchId}/approve`, {}),
  ),
  'POST /api/v1/review/batches/:id/return': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/review/batches/${t.reviewBatchId}/return`, { note: '请补充材料' }),
  ),
  'POST /api/v1/review/cases/:round/:unitId/resolve': staff(CASE_WORKER, 'region', (t) =>
    at(`/api/v1/review/cases/${ROUND}/${t.unitId}/resolve`, { overrides: {}, note: '补录企业规模' }),
  ),
  'GET /api/v1/review/cases/:round/:unitId/history': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/review/cases/${ROUND}/${t.unitId}/history`),
  ),

  // 公示. The list shows what the public list shows; one notice's page lists its units, withdrawn ones too.
  'POST /api/v1/notices': staff(WORKER_OR_REVIEWER, 'region', (t) =>
    at('/api/v1/notices', { round: ROUND, batchIds: [t.reviewBatchId] }),
  ),
  'GET /api/v1/notices': staff(CASE_STAFF, 'none', () => at('/api/v1/notices')),
  'GET /api/v1/notices/:id': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/notices/${t.noticeId}`)),
  'GET /api/v1/notices/:id/items': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/notices/${t.noticeId}/items`)),
  'POST /api/v1/notices/:id/objections': staff(WORKER_OR_REVIEWER, 'region', (t) =>
    at(`/api/v1/notices/${t.noticeId}/objections`, { unitId: t.unitId, content: '群众反映该单位存在裁员' }),
  ),
  'POST /api/v1/notices/:id/close': staff(WORKER_OR_REVIEWER, 'region', (t) => at(`/api/v1/notices/${t.noticeId}/close`)),
  'GET /api/v1/notices/:id/export': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/notices/${t.noticeId}/export`)),
  'GET /api/v1/public/notices': open(() => at('/api/v1/public/notices')),
  'GET /api/v1/public/notices/:id/items': open((t) => at(`/api/v1/public/notices/${t.noticeId}/items`)),

  // Confirmation by the unit through its SMS link, and the staff's follow-up.
  'GET /api/v1/confirm/:token': open(() => at(`/api/v1/confirm/${TOKEN}`)),
  'POST /api/v1/confirm/:token/code': open(() => at(`/api/v1/confirm/${TOKEN}/code`)),
  'POST /api/v1/confirm/:token': open(() => at(`/api/v1/confirm/${TOKEN}`, { code: '000000' })),
  'GET /api/v1/rounds/:round/unconfirmed': staff([...WORKER_OR_REVIEWER, 'auditor'], 'all', () =>
    at(`/api/v1/rounds/${ROUND}/unconfirmed`),
  ),
  'GET /api/v1/sms/outbox': staff([...WORKER_OR_REVIEWER, 'auditor'], 'all', () => at('/api/v1/sms/outbox')),

  // The portals: a unit or a person sees only itself, taken from the session.
  'GET /api/v1/unit/me': { allowed: { staff: [], unit: true }, touches: 'none', request: () => at('/api/v1/unit/me') },
  'POST /api/v1/unit/me/confirm': {
    allowed: { staff: [], unit: true },
    touches: 'none',
    request: () => at('/api/v1/unit/me/confirm', { round: ROUND }),
  },
  'GET /api/v1/person/me': { allowed: { staff: [], person: true }, touches: 'none', request: () => at('/api/v1/person/me') },
  // Policy push SMS: the unit or person opts out or back in for itself.
  'GET /api/v1/unit/me/push-preference': {
    allowed: { staff: [], unit: true },
    touches: 'none',
    request: () => at('/api/v1/unit/me/push-preference'),
  },
  'POST /api/v1/unit/me/push-preference': {
    allowed: { staff: [], unit: true },
    touches: 'none',
    request: () => at('/api/v1/unit/me/push-preference', { receivesPush: true }),
  },
  'GET /api/v1/person/me/push-preference': {
    allowed: { staff: [], person: true },
    touches: 'none',
    request: () => at('/api/v1/person/me/push-preference'),
  },
  'POST /api/v1/person/me/push-preference': {
    allowed: { staff: [], person: true },
    touches: 'none',
    request: () => at('/api/v1/person/me/push-preference', { receivesPush: true }),
  },
  // Skill-upgrade subsidy (第四条): the person's own applications; staff work the holder's district.
  'POST /api/v1/person/me/skill-subsidy': {
    allowed: { staff: [], person: true },
    touches: 'none',
    request: () => at('/api/v1/person/me/skill-subsidy', { certificateNumber: 'S-NONE' }),
  },
  'GET /api/v1/person/me/skill-subsidy': {
    allowed: { staff: [], person: true },
    touches: 'none',
    request: () => at('/api/v1/person/me/skill-subsidy'),
  },
  'POST /api/v1/skill-subsidy/applications': staff(CASE_WORKER, 'region', (t) =>
    at('/api/v1/skill-subsidy/applications', { certificateNumber: t.certificateNumber }),
  ),
  'GET /api/v1/skill-subsidy/applications': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/skill-subsidy/applications?regionCode=${t.regionCode}`),
  ),
  'GET /api/v1/skill-subsidy/applications/:id': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/skill-subsidy/applications/${t.skillApplicationId}`),
  ),
  'POST /api/v1/skill-subsidy/applications/:id/approve': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/skill-subsidy/applications/${t.skillApplicationId}/approve`, {}),
  ),
  'POST /api/v1/skill-subsidy/applications/:id/return': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/skill-subsidy/applications/${t.skillApplicationId}/return`, { note: '退回' }),
  ),
  'GET /api/v1/certificates': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/certificates?number=${t.certificateNumber}`)),
  'POST /api/v1/certificates/by-holder': staff(CASE_STAFF, 'region', (t) =>
    at('/api/v1/certificates/by-holder', { idNumber: t.idNumber }),
  ),
  'POST /api/v1/person/benefit-claims': {
    allowed: { staff: [], person: true },
    touches: 'none',
    request: () => at('/api/v1/person/benefit-claims'),
  },
  'GET /api/v1/person/benefit-claims': {
    allowed: { staff: [], person: true },
    touches: 'none',
    request: () => at('/api/v1/person/benefit-claims'),
  },
  'POST /api/v1/benefit/claims': staff(CASE_WORKER, 'region', (t) => at('/api/v1/benefit/claims', { idNumber: t.idNumber })),
  'GET /api/v1/benefit/claims': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/benefit/claims?region=${t.regionCode}`)),
  'GET /api/v1/benefit/claims/:id': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/benefit/claims/${t.benefitClaimId}`)),
  'POST /api/v1/benefit/claims/:id/approve': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/benefit/claims/${t.benefitClaimId}/approve`, {}),
  ),
  'POST /api/v1/benefit/claims/:id/return': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/benefit/claims/${t.benefitClaimId}/return`, { note: '退回' }),
  ),
  'POST /api/v1/benefit/claims/:id/stop': staff(WORKER_OR_REVIEWER, 'region', (t) =>
    at(`/api/v1/benefit/claims/${t.benefitClaimId}/stop`, { from: '2024-10', note: '停发' }),
  ),
  'POST /api/v1/benefit/transfers': staff(CASE_WORKER, 'region', (t) =>
    at('/api/v1/benefit/transfers', { personId: t.personId, to: '济南市', on: '2024-10-01' }),
  ),

  // Labour-dispatch applications.
  'POST /api/v1/dispatch/applications/preview': {
    allowed: dispatchSubmitters,
    touches: 'region',
    request: dispatchUpload('/api/v1/dispatch/applications/preview'),
  },
  'POST /api/v1/dispatch/applications': {
    allowed: dispatchSubmitters,
    touches: 'region',
    request: dispatchUpload('/api/v1/dispatch/applications'),
  },
  'GET /api/v1/dispatch/applications/:id': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/dispatch/applications/${t.dispatchApplicationId}`),
  ),
  'GET /api/v1/dispatch/units/:unitId/applications/:round': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/dispatch/units/${t.unitId}/applications/${ROUND}`),
  ),
  'POST /api/v1/dispatch/applications/:id/withdraw': staff(CASE_WORKER, 'region', (t) =>
    at(`/api/v1/dispatch/applications/${t.dispatchApplicationId}/withdraw`, { note: '单位申请撤回' }),
  ),
  'GET /api/v1/dispatch/templates/:sheet': {
    allowed: dispatchSubmitters,
    touches: 'none',
    request: () => at('/api/v1/dispatch/templates/workers'),
  },

  // Payments.
  'POST /api/v1/payments/create': staff(FINANCE, 'all', () => at('/api/v1/payments/create', { round: ROUND })),
  'GET /api/v1/payments': staff(FINANCE_READERS, 'all', () => at('/api/v1/payments')),
  'GET /api/v1/payments/batches': staff(FINANCE_READERS, 'all', () => at('/api/v1/payments/batches')),
  'POST /api/v1/payments/batches': staff(FINANCE, 'region', (t) =>
    at('/api/v1/payments/batches', { round: ROUND, paymentIds: [t.paymentId] }),
  ),
  'POST /api/v1/payments/batches/:id/authorise': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/payments/batches/${t.paymentBatchId}/authorise`, {}),
  ),
  'POST /api/v1/payments/batches/:id/reject': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/payments/batches/${t.paymentBatchId}/reject`, { note: '金额有误' }),
  ),
  'POST /api/v1/payments/batches/:id/run': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/payments/batches/${t.paymentBatchId}/run`),
  ),
  'GET /api/v1/payments/batches/:id/progress': staff(FINANCE_READERS, 'region', (t) =>
    at(`/api/v1/payments/batches/${t.paymentBatchId}/progress`),
  ),

  // Bank files, account corrections and the fund ledger. A return file may settle payments of any region.
  'POST /api/v1/bank/batches/:id/export': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/bank/batches/${t.paymentBatchId}/export`, { format: 'csv' }),
  ),
  'POST /api/v1/bank/returns': staff(FINANCE, 'all', () => at('/api/v1/bank/returns', {})),
  'GET /api/v1/bank/batches/:id/reconciliation': staff(FINANCE_READERS, 'region', (t) =>
    at(`/api/v1/bank/batches/${t.paymentBatchId}/reconciliation`),
  ),
  'POST /api/v1/bank/corrections': staff(FINANCE, 'region', (t) =>
    at('/api/v1/bank/corrections', {
      paymentId: t.paymentId,
      accountKind: 'corporate_account',
      accountNo: '6228000011112222',
      reason: '原账户已销户',
    }),
  ),
  'POST /api/v1/bank/corrections/:id/approve': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/bank/corrections/${t.correctionId}/approve`),
  ),
  'GET /api/v1/bank/corrections': staff(FINANCE_READERS, 'all', () => at('/api/v1/bank/corrections')),
  'GET /api/v1/ledger/check': staff(FINANCE_READERS, 'all', () => at('/api/v1/ledger/check')),
  'GET /api/v1/ledger/balances': staff(FINANCE_READERS, 'all', () => at('/api/v1/ledger/balances')),

  // The pilot spending register (第六条): a fund is a city or the province, named in the URL or body; the requests name
  // the target district, which passes the guard only for an account scoped above it (the handler then refuses it).
  // Policy simulation: reforms and run tallies hold no unit's data; starting a run touches its region (all without
  // one); a run's changed units and export are city-wide; a unit asks only about itself.
  'GET /api/v1/simulation/parameters': staff(CASE_STAFF, 'none', () => at('/api/v1/simulation/parameters')),
  'GET /api/v1/simulation/reforms': staff(CASE_STAFF, 'none', () => at('/api/v1/simulation/reforms')),
  'POST /api/v1/simulation/reforms': staff(SIMULATION_EDITORS, 'none', () =>
    at('/api/v1/simulation/reforms', { name: '矩阵测试方案', changes: [] }),
  ),
  'GET /api/v1/simulation/reforms/:id': staff(CASE_STAFF, 'none', () => at('/api/v1/simulation/reforms/1')),
  'GET /api/v1/simulation/reforms/:id/compare/:other': staff(CASE_STAFF, 'none', () =>
    at('/api/v1/simulation/reforms/1/compare/2'),
  ),
  'GET /api/v1/simulation/reforms/:id/parameter-change': staff(CASE_STAFF, 'none', () =>
    at('/api/v1/simulation/reforms/1/parameter-change'),
  ),
  'POST /api/v1/simulation/runs': staff(SIMULATION_EDITORS, 'region', (t) =>
    at('/api/v1/simulation/runs', { reformId: 999_999, region: t.regionCode }),
  ),
  'GET /api/v1/simulation/runs': staff(CASE_STAFF, 'none', () => at('/api/v1/simulation/runs')),
  'GET /api/v1/simulation/runs/:id': staff(CASE_STAFF, 'none', () => at('/api/v1/simulation/runs/1')),
  'GET /api/v1/simulation/runs/:id/changes': staff(CASE_STAFF, 'all', () => at('/api/v1/simulation/runs/1/changes')),
  'GET /api/v1/simulation/runs/:id/export': staff(CASE_STAFF, 'all', () => at('/api/v1/simulation/runs/1/export')),
  'GET /api/v1/rounds/:round/units/:unitId/counterfactual': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/rounds/${ROUND}/units/${t.unitId}/counterfactual`),
  ),
  'GET /api/v1/unit/me/counterfactual': {
    allowed: { staff: [], unit: true },
    touches: 'none',
    request: () => at('/api/v1/unit/me/counterfactual'),
  },
  'GET /api/v1/fund/pilot': staff(FUND_READERS, 'all', () => at('/api/v1/fund/pilot')),
  'POST /api/v1/fund/pilot': staff(FINANCE, 'region', (t) =>
    at('/api/v1/fund/pilot', { regionCode: t.regionCode, year: 2024, sealedBalanceFen: 100_000 }),
  ),
  'GET /api/v1/fund/pilot/:region/:year': staff(FUND_READERS, 'region', (t) => at(`/api/v1/fund/pilot/${t.regionCode}/2024`)),
  'POST /api/v1/fund/pilot/:region/:year/plans': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/fund/pilot/${t.regionCode}/2024/plans`, { filedOn: '2024-08-01', documentNo: '威人社字〔2024〕52号' }),
  ),
  'POST /api/v1/fund/pilot/:region/:year/plans/:id/approve': staff(PLAN_REVIEWERS, 'region', (t) =>
    at(`/api/v1/fund/pilot/${t.regionCode}/2024/plans/1/approve`, {}),
  ),
  'POST /api/v1/fund/pilot/:region/:year/plans/:id/reject': staff(PLAN_REVIEWERS, 'region', (t) =>
    at(`/api/v1/fund/pilot/${t.regionCode}/2024/plans/1/reject`, { note: '文号有误' }),
  ),
  'POST /api/v1/fund/pilot/:region/:year/commitments': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/fund/pilot/${t.regionCode}/2024/commitments`, { item: 'job', amountFen: 100, description: '岗位补贴' }),
  ),
  'POST /api/v1/fund/pilot/:region/:year/commitments/:id/spend': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/fund/pilot/${t.regionCode}/2024/commitments/1/spend`, {}),
  ),
  'GET /api/v1/fund/reports/:region/:period': staff(FUND_READERS, 'region', (t) =>
    at(`/api/v1/fund/reports/${t.regionCode}/2024-09`),
  ),
  'POST /api/v1/fund/incidents': staff(['case_worker', 'reviewer', 'finance'], 'region', (t) =>
    at('/api/v1/fund/incidents', {
      occurredAt: '2024-09-01T08:00:00+08:00',
      regionCode: t.regionCode,
      category: 'public_opinion',
      description: '网络舆情：反映返还资金未到账',
    }),
  ),
  'GET /api/v1/fund/incidents': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/fund/incidents?region=${t.regionCode}`)),
  'GET /api/v1/fund/incidents/export': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/fund/incidents/export?region=${t.regionCode}`),
  ),
  'GET /api/v1/fund/monitoring/:region': staff(FUND_READERS, 'region', (t) =>
    at(`/api/v1/fund/monitoring/${t.regionCode}?from=2024-01&to=2024-12`),
  ),
  // The payout account (第八条 优先保障保生活支出) pays every region's waiting payments: city-wide finance only.
  'GET /api/v1/fund/payout': staff(FUND_READERS, 'all', () => at('/api/v1/fund/payout')),
  'POST /api/v1/fund/payout/arrivals': staff(FINANCE, 'all', () =>
    at('/api/v1/fund/payout/arrivals', { amountFen: 100, documentNo: '矩阵测试拨款', source: '财政专户划拨' }),
  ),
  'POST /api/v1/fund/payout/runs': staff(FINANCE, 'all', () => at('/api/v1/fund/payout/runs', { availableFen: 0 })),
  'POST /api/v1/fund/pilot/:region/:year/commitments/:id/release': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/fund/pilot/${t.regionCode}/2024/commitments/1/release`, { note: '对象放弃' }),
  ),
  // Risk control and push campaigns (第八条、第九条): the catalogue and the campaign list are reference data; a hit, and
  // the hit queue and a campaign's rows by district, belong to a district (a city account reads them city-wide).
  'GET /api/v1/risk/rules': staff(CASE_STAFF, 'none', () => at('/api/v1/risk/rules')),
  'GET /api/v1/risk/hits': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/risk/hits?region=${t.regionCode}`)),
  'GET /api/v1/risk/hits/:id': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/risk/hits/${t.riskHitId}`)),
  'POST /api/v1/risk/hits/:id/propose': staff(CASE_WORKER, 'region', (t) =>
    at(`/api/v1/risk/hits/${t.riskHitId}/propose`, { proposal: 'clear', note: '已核实' }),
  ),
  'POST /api/v1/risk/hits/:id/approve': staff(REVIEWER, 'region', (t) => at(`/api/v1/risk/hits/${t.riskHitId}/approve`, {})),
  'POST /api/v1/risk/hits/:id/return': staff(REVIEWER, 'region', (t) =>
    at(`/api/v1/risk/hits/${t.riskHitId}/return`, { note: '请补充证据' }),
  ),
  'POST /api/v1/risk/hits/:id/repayments': staff(FINANCE, 'region', (t) =>
    at(`/api/v1/risk/hits/${t.riskHitId}/repayments`, { amountFen: 100, receivedOn: '2024-10-20', reference: 'HK-1' }),
  ),
  'GET /api/v1/risk/comparisons': staff(CASE_STAFF, 'region', (t) => at(`/api/v1/risk/comparisons?region=${t.regionCode}`)),
  'GET /api/v1/risk/comparisons/:id/findings': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/risk/comparisons/${t.comparisonBatchId}/findings?region=${t.regionCode}`),
  ),
  'GET /api/v1/risk/comparisons/:id/findings.xlsx': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/risk/comparisons/${t.comparisonBatchId}/findings.xlsx?region=${t.regionCode}`),
  ),
  'GET /api/v1/campaigns': staff(CASE_STAFF, 'none', () => at('/api/v1/campaigns')),
  'GET /api/v1/campaigns/:id/report': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/campaigns/${t.campaignId}/report?region=${t.regionCode}`),
  ),

  // Imports load data for every region.
  'GET /api/v1/imports/kinds': staff(CASE_WORKER, 'none', () => at('/api/v1/imports/kinds')),
  'GET /api/v1/imports': staff([...CASE_WORKER, 'auditor'], 'all', () => at('/api/v1/imports')),
  'GET /api/v1/imports/templates/:kind': staff(CASE_WORKER, 'none', () => at('/api/v1/imports/templates/units')),
  'GET /api/v1/imports/:id/error-report': staff([...CASE_WORKER, 'auditor'], 'all', () => at('/api/v1/imports/1/error-report')),
  'POST /api/v1/imports/:kind': staff(CASE_WORKER, 'all', () => at('/api/v1/imports/units', {})),

  // The audit trail, and the audited reveal of a person's personal data.
  'GET /api/v1/audit': staff(AUDITOR, 'all', () => at('/api/v1/audit')),
  'POST /api/v1/audit/verify': staff(AUDITOR, 'all', () => at('/api/v1/audit/verify', {})),
  'POST /api/v1/persons/:id/reveal': staff(CASE_STAFF, 'region', (t) =>
    at(`/api/v1/persons/${t.personId}/reveal`, { field: 'id_number', reason: '核对身份' }),
  ),

  // The round as a whole: figures by workflow state, its runs, the SMS notices, the dated parameters.
  'GET /api/v1/rounds/:round/progress': staff(CASE_STAFF, 'none', () => at(`/api/v1/rounds/${ROUND}/progress`)),
  'GET /api/v1/rounds/:round/screenings': staff(CASE_STAFF, 'none', () => at(`/api/v1/rounds/${ROUND}/screenings`)),
  'POST /api/v1/rounds/:round/notify': staff(CASE_WORKER, 'all', () => at(`/api/v1/rounds/${ROUND}/notify`)),
  'GET /api/v1/parameters': staff(ALL_STAFF, 'none', () => at('/api/v1/parameters')),
};
