// Small refund-round populations for the SMS and confirmation tests: units with (or without) a mobile number, a
// screening run with their decisions, and their cases in a chosen state — written with plain inserts.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/store/schema.ts';
import { maskPhone } from '../../src/domain/masking.ts';
import type { RefundCaseState } from '../../src/domain/refund-case.ts';
import type { SmsMessage, SmsProvider } from '../../src/domain/ports/sms-provider.ts';
import { testCipher, unitAccounts } from './sealed-accounts.ts';

export { testCipher };

export interface FixtureUnit {
  name: string;
  creditCode: string;
  phone: string | null;
  amountFen: number;
  corporateAccount?: string;
}

export const UNITS: readonly FixtureUnit[] = [
  {
    name: '威海海洋食品有限公司',
    creditCode: '91371002MA3C100011',
    phone: '13863100001',
    amountFen: 1_234_567,
    corporateAccount: '6222021614000012345',
  },
  {
    name: '荣成远洋渔业有限公司',
    creditCode: '91371082MA3C100022',
    phone: '13863100002',
    amountFen: 88_000,
    corporateAccount: '6222021614000067890',
  },
  { name: '文登无手机号贸易有限公司', creditCode: '91371003MA3C100033', phone: null, amountFen: 50_050 },
];

/** Inserts the units, one completed run with eligible decisions, and a case per unit in `state`; returns unit ids. */
export async function seedCases(
  db: Kysely<Database>,
  options: { round?: string; state?: RefundCaseState; units?: readonly FixtureUnit[] } = {},
): Promise<number[]> {
  const round = options.round ?? '2024';
  const units = options.units ?? UNITS;
  const run = await db
    .insertInto('screening_runs')
    .values({ round, as_of: '2024-08-15', status: 'completed', policy_version: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const unit of units) {
    const { id } = await db
      .insertInto('units')
      .values({
        credit_code: unit.creditCode,
        name: unit.name,
        org_type: 'enterprise',
        region_code: '371002',
        corporate_bank: '中国工商银行威海分行',
        ...unitAccounts({ corporate: unit.corporateAccount, contribution: unit.corporateAccount ? null : '37100200000099' }),
        contact_phone_cipher: unit.phone ? testCipher.encrypt(unit.phone) : null,
        contact_phone_masked: unit.phone ? maskPhone(unit.phone) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('refund_decisions')
      .values({
        run_id: run.id,
        unit_id: id,
        region_code: '371002',
        status: 'eligible',
        amount_fen: unit.amountFen,
        base_fen: unit.amountFen * 2,
        ratio_bp: 5000,
        pay_to: unit.corporateAccount ? 'corporate_account' : 'contribution_account',
        reasons: '[]',
        trace: '[]',
        input_hash: `hash-${id}`,
        policy_version: 'test',
      })
      .execute();
    await db
      .insertInto('refund_cases')
      .values({
        round,
        unit_id: id,
        region_code: '371002',
        state: options.state ?? 'notice_passed',
        run_id: run.id,
        amount_fen: unit.amountFen,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** A provider that records what reached each number; `failNext` makes the next sends fail. */
export function recordingProvider(options: { delayMs?: number } = {}) {
  const delivered: SmsMessage[] = [];
  const failures: Error[] = [];
  const provider: SmsProvider & { delivered: SmsMessage[]; failNext(error: Error): void } = {
    name: 'test',
    delivered,
    failNext(error) {
      failures.push(error);
    },
    async send(message) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const failure = failures.shift();
      if (failure) throw failure;
      delivered.push(message);
      return { messageId: `m-${delivered.length}` };
    },
  };
  return provider;
}

/** The token in the confirmation link of an SMS body (what the unit taps). */
export function tokenInBody(body: string): string {
  const match = /\/confirm\/([A-Za-z0-9_-]+)/.exec(body);
  if (!match) throw new Error(`no confirmation link in: ${body}`);
  return match[1]!;
}

/** The 6-digit code in a code SMS. */
export function codeInBody(body: string): string {
  const match = /验证码为(\d{6})/.exec(body);
  if (!match) throw new Error(`no code in: ${body}`);
  return match[1]!;
}
