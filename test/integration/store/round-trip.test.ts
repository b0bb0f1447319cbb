// Every table written and read back: both backends must return exactly these JS values.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { storeBackends } from '../../support/store-backends.ts';

const AT = new Date('2024-03-01T08:30:15.123Z');
const BY = { created_at: AT, created_by: '经办员张三' };
const CHANGED = { ...BY, updated_at: AT, updated_by: '复核员李四' };
const ABOVE_2_31 = 3_000_000_007; // fen
const MAX_FEN = Number.MAX_SAFE_INTEGER;

const unit = {
  id: 2 ** 40,
  credit_code: '91371000MA3C000001',
  name: '威海"测试"\\有限公司',
  org_type: 'enterprise',
  industry: null,
  employees: 120,
  revenue_wan: '12345678901234.56',
  assets_wan: '0.10',
  size: 'small',
  region_code: '371002',
  labor_dispatch: true,
  corporate_bank: '中国工商银行威海分行',
  corporate_account_cipher: Buffer.from([9, 8, 0, 0x5c, 0x27]),
  corporate_account_masked: '**** **** **** 2345',
  contribution_account_cipher: null,
  contribution_account_masked: null,
  contact_name: '王五',
  contact_phone_cipher: Buffer.from([0, 1, 0xfe, 0xff, 0x5c, 0x09]),
  contact_phone_masked: '138****5678',
  first_insured_period: '2010-07',
  ...CHANGED,
} as const;

const person = {
  id: 7,
  id_number_index: 'a'.repeat(64),
  id_number_cipher: Buffer.from('00ff10', 'hex'),
  id_number_masked: '3710**********123X',
  name: '赵六',
  gender: 'female',
  birth_date: '1988-02-29',
  phone_cipher: null,
  phone_masked: null,
  bank_account_cipher: Buffer.alloc(0),
  bank_account_masked: '6217****0001',
  region_code: '371082',
  ...CHANGED,
} as const;

const REGION = { region_code: '371002' } as const;
const rows = {
  unit_flags: { unit_id: unit.id, flag: 'zombie', from_date: '2023-12-31', to_date: null, source: '市场监管', ...CHANGED },
  insurance_spells: { person_id: person.id, unit_id: unit.id, from_period: '2019-01', to_period: null, ...REGION },
  unit_contribution_months: { unit_id: unit.id, period: '2023-12', due_fen: ABOVE_2_31, ...REGION },
  unit_payments: {
    unit_id: unit.id,
    receipt_no: 'R-2024-0001',
    period: '2023-12',
    paid_on: '2024-01-15',
    amount_fen: MAX_FEN,
    kind: 'contribution',
    ...REGION,
  },
  person_contributions: {
    person_id: person.id,
    unit_id: unit.id,
    period: '2023-12',
    paid_on: '2024-01-15',
    amount_fen: ABOVE_2_31,
    ...REGION,
  },
  unit_headcounts: { unit_id: unit.id, period: '2023-12', insured_count: 118, natural_attrition: 2, ...REGION },
  dispatch_placements: {
    dispatch_unit_id: unit.id,
    person_id: person.id,
    from_period: '2023-01',
    to_period: '2023-12',
    own_staff: false,
    user_unit_credit_code: '12371000MB0000000X',
    user_unit_name: '某事业单位',
    user_unit_org_type: 'public_institution',
    ...REGION,
    ...CHANGED,
  },
  certificates: {
    number: 'S000037100002024123456',
    person_id: person.id,
    occupation_code: '6-31-01-03',
    occupation_name: '电工',
    level: 3,
    issue_date: '2024-06-30',
    verified: true,
    issuing_body: '威海市职业技能鉴定中心',
    ...REGION,
    ...CHANGED,
  },
  subsidy_grants: {
    person_id: person.id,
    type: 'skill_subsidy',
    occupation_code: '6-31-01-03',
    level: 3,
    granted_on: '2024-07-20',
    amount_fen: 200_000,
    ...REGION,
    ...BY,
  },
  benefit_periods: { person_id: person.id, from_date: '2024-01-01', to_date: '2024-12-31', ...REGION },
  import_batches: {
    id: 1,
    kind: 'unit_payments',
    file_name: '缴费明细 2024.xlsx',
    file_sha256: 'f'.repeat(64),
    row_count: 1,
    status: 'accepted',
    error_count: 0,
    ...BY,
  },
} as const;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`round trip on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('reads every table back as written: bigint fen, dates, numeric, bytea, booleans, null', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        await db.insertInto('units').values(unit).execute();
        await db.insertInto('persons').values(person).execute();
        for (const [table, row] of Object.entries(rows)) {
          await db
            .insertInto(table as keyof typeof rows)
            .values(row as never)
            .execute();
        }
        expect(await db.selectFrom('units').selectAll().execute()).toStrictEqual([unit]);
        expect(await db.selectFrom('persons').selectAll().execute()).toStrictEqual([person]);
        for (const [table, row] of Object.entries(rows)) {
          expect(
            await db
              .selectFrom(table as keyof typeof rows)
              .selectAll()
              .execute(),
            table,
          ).toStrictEqual([row]);
        }
      } finally {
        await close();
      }
    });

    it('fills defaults: generated ids, who/when, false flags', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        const inserted = await db
          .insertInto('units')
          .values({ credit_code: '91371000MA3C000002', name: '默认值', org_type: 'law_firm', region_code: '371003' })
          .returning(['id', 'labor_dispatch', 'created_by', 'updated_by', 'created_at'])
          .executeTakeFirstOrThrow();
        expect(inserted).toMatchObject({ id: 1, labor_dispatch: false, created_by: 'system', updated_by: 'system' });
        expect(inserted.created_at).toBeInstanceOf(Date);
      } finally {
        await close();
      }
    });

    it('returns counts as numbers and refuses integers beyond 2^53 rather than rounding them', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        const { count } = await db
          .selectFrom('regions')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow();
        expect(count).toBe(24);
        await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(db)).rejects.toThrow(/超出安全整数范围/);
      } finally {
        await close();
      }
    });
  });
}
