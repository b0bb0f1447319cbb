import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkingDays } from '../../../src/adapters/calendar/chinese-working-days.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { confirm, startConfirmation } from '../../../src/services/confirm/confirm.ts';
import { NO_PHONE, notifyPassedCases } from '../../../src/services/notify/notify-passed.ts';
import { deliverDueSms } from '../../../src/services/notify/outbox.ts';
import { remindUnconfirmed } from '../../../src/services/notify/reminders.ts';
import { unconfirmedUnits } from '../../../src/services/notify/unconfirmed.ts';
import { fixedClock, type Clock } from '../../../src/domain/ports/clock.ts';
import { codeInBody, recordingProvider, seedCases, testCipher, tokenInBody, UNITS } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

// Friday 27 September 2024, 10:00 in Weihai; the National Day holiday (1–7 October) and its make-up days
// (Sunday 29 September, Saturday 12 October) follow.
const NOTIFIED_AT = '2024-09-27T02:00:00Z';
const BASE_URL = 'https://wengang.example.cn/';

async function notified(store: Store, clock: Clock) {
  const ids = await seedCases(store.db);
  const provider = recordingProvider();
  const result = await notifyPassedCases(store.db, { round: '2024', clock, cipher: testCipher, baseUrl: BASE_URL });
  await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
  return { ids, provider, result };
}

async function caseState(store: Store, unitId: number) {
  return (await store.db.selectFrom('refund_cases').select('state').where('unit_id', '=', unitId).executeTakeFirstOrThrow())
    .state;
}

/** Asks for a code and reads it from the SMS that reached the unit. */
async function requestCode(store: Store, provider: ReturnType<typeof recordingProvider>, token: string, clock: Clock) {
  await startConfirmation(store.db, { token, clock, cipher: testCipher });
  await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
  return codeInBody(provider.delivered.at(-1)!.body);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`notification and confirmation on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('texts each unit its amount and link, and lists the unit without a mobile number for manual contact', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const clock = fixedClock(NOTIFIED_AT);
        const { ids, provider, result } = await notified(store, clock);
        expect(result.notified).toBe(2);
        expect(result.manual).toEqual([
          { unitId: ids[2], unitName: UNITS[2]!.name, creditCode: UNITS[2]!.creditCode, reason: NO_PHONE },
        ]);
        expect(provider.delivered.map((m) => m.to)).toEqual(['13863100001', '13863100002']);
        const token = tokenInBody(provider.delivered[0]!.body);
        expect(provider.delivered[0]!.body).toBe(
          `【威海人社】威海海洋食品有限公司：您单位符合2024年失业保险稳岗返还条件，拟返还12,345.67元。请于30日内登录 https://wengang.example.cn/confirm/${token} 确认。如有疑问请致电12333。`,
        );
        expect(provider.delivered[1]!.body).toContain('拟返还880.00元');
        expect(Buffer.from(token, 'base64url')).toHaveLength(32);
        const links = await store.db.selectFrom('confirmation_links').select(['token_hash', 'expires_at']).execute();
        expect(links.some((l) => l.token_hash.includes(token))).toBe(false);
        expect(new Date(links[0]!.expires_at).toISOString()).toBe('2024-10-27T02:00:00.000Z');
        expect([await caseState(store, ids[0]!), await caseState(store, ids[2]!)]).toEqual(['notified', 'notice_passed']);
        const events = await store.db
          .selectFrom('refund_case_events')
          .select(['action', 'from_state', 'to_state', 'actor'])
          .execute();
        expect(events).toHaveLength(2);
        expect(events[0]).toEqual({ action: 'notify', from_state: 'notice_passed', to_state: 'notified', actor: '系统' });
        // Running it again tells nobody twice.
        expect(await notifyPassedCases(store.db, { round: '2024', clock, cipher: testCipher, baseUrl: BASE_URL })).toMatchObject({
          notified: 0,
        });
      } finally {
        await store.close();
      }
    });

    it('confirms with the link and the SMS code, once', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const clock = fixedClock(NOTIFIED_AT);
        const { ids, provider } = await notified(store, clock);
        const token = tokenInBody(provider.delivered[0]!.body);
        clock.set('2024-10-09T03:00:00Z');
        const shown = await startConfirmation(store.db, { token, clock, cipher: testCipher });
        expect(shown).toMatchObject({
          unitName: UNITS[0]!.name,
          amountFen: 1_234_567,
          amountYuan: '12,345.67',
          payTo: '单位对公账户 **** **** **** 2345',
        });
        await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
        const codeSms = provider.delivered.at(-1)!;
        expect(codeSms.to).toBe('13863100001');
        const code = codeInBody(codeSms.body);
        const wrong = code === '000000' ? '111111' : '000000';
        await expect(confirm(store.db, { token, code: wrong, clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'CODE_WRONG',
          message: '验证码错误，还可尝试4次',
        });
        const done = await confirm(store.db, { token, code, clock, cipher: testCipher });
        expect(done).toMatchObject({
          unitName: UNITS[0]!.name,
          amountYuan: '12,345.67',
          confirmedAt: '2024-10-09T03:00:00.000Z',
        });
        expect(await caseState(store, ids[0]!)).toBe('confirmed');
        const row = await store.db.selectFrom('confirmations').selectAll().executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          unit_id: ids[0],
          amount_fen: 1_234_567,
          pay_to: 'corporate_account',
          account_masked: '**** **** **** 2345',
          confirmed_by: `单位:${UNITS[0]!.creditCode}`,
        });
        expect(testCipher.decrypt(row.account_cipher!)).toBe('6222021614000012345');
        const event = await store.db
          .selectFrom('refund_case_events')
          .select(['action', 'actor'])
          .where('to_state', '=', 'confirmed')
          .executeTakeFirstOrThrow();
        expect(event).toEqual({ action: 'confirm', actor: `单位:${UNITS[0]!.creditCode}` });
        await expect(confirm(store.db, { token, code, clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'ALREADY_CONFIRMED',
          message: '您单位已确认本次稳岗返还，无需重复确认',
        });
        expect(await store.db.selectFrom('confirmations').select('unit_id').execute()).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    it('refuses an unknown or expired link, an expired code, and codes asked for too often', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const clock = fixedClock(NOTIFIED_AT);
        const { provider } = await notified(store, clock);
        const token = tokenInBody(provider.delivered[0]!.body);
        await expect(startConfirmation(store.db, { token: 'x'.repeat(43), clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'LINK_INVALID',
        });
        const code = await requestCode(store, provider, token, clock);
        await expect(startConfirmation(store.db, { token, clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'CODE_TOO_SOON',
          message: '验证码发送过于频繁，请60秒后再试',
        });
        clock.set(new Date(new Date(NOTIFIED_AT).getTime() + 5 * 60_000));
        await expect(confirm(store.db, { token, code, clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'CODE_EXPIRED',
          message: '验证码已过期，请重新获取',
        });
        clock.set('2024-10-27T02:00:00Z');
        await expect(startConfirmation(store.db, { token, clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'LINK_EXPIRED',
          message: '确认链接已过期，请致电12333联系经办机构',
        });
      } finally {
        await store.close();
      }
    });

    it('locks a code after 5 wrong tries, even against the right code, until a new one is sent', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const clock = fixedClock(NOTIFIED_AT);
        const { ids, provider } = await notified(store, clock);
        const token = tokenInBody(provider.delivered[0]!.body);
        const code = await requestCode(store, provider, token, clock);
        const wrong = code === '000000' ? '111111' : '000000';
        const refusals: string[] = [];
        for (let i = 0; i < 5; i++) {
          refusals.push(
            await confirm(store.db, { token, code: wrong, clock, cipher: testCipher }).then(
              () => 'ok',
              (e: { code: string }) => e.code,
            ),
          );
        }
        expect(refusals).toEqual(['CODE_WRONG', 'CODE_WRONG', 'CODE_WRONG', 'CODE_WRONG', 'CODE_LOCKED']);
        await expect(confirm(store.db, { token, code, clock, cipher: testCipher })).rejects.toMatchObject({
          code: 'CODE_LOCKED',
          message: '验证码输入错误次数过多，请重新获取验证码',
        });
        expect(await caseState(store, ids[0]!)).toBe('notified');
        clock.set(new Date(clock.now().getTime() + 61_000));
        const fresh = await requestCode(store, provider, token, clock);
        await confirm(store.db, { token, code: fresh, clock, cipher: testCipher });
        expect(await caseState(store, ids[0]!)).toBe('confirmed');
      } finally {
        await store.close();
      }
    });

    it('reminds after 3 and 7 working days (skipping the holiday, counting make-up days), never twice', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const clock = fixedClock(NOTIFIED_AT);
        const { ids, provider } = await notified(store, clock);
        // The second unit confirms at once and gets no reminder.
        const code = await requestCode(store, provider, tokenInBody(provider.delivered[1]!.body), clock);
        await confirm(store.db, { token: tokenInBody(provider.delivered[1]!.body), code, clock, cipher: testCipher });
        const remindOn = async (day: string) => {
          clock.set(`${day}T01:00:00Z`);
          return remindUnconfirmed(store.db, { round: '2024', clock, calendar: chineseWorkingDays, baseUrl: BASE_URL });
        };
        // Working days after Fri 27 Sep: Sun 29 Sep (make-up), Mon 30 Sep, then Tue 8 Oct is the 3rd.
        expect(await remindOn('2024-09-30')).toBe(0);
        expect(await remindOn('2024-10-07')).toBe(0);
        expect(await remindOn('2024-10-08')).toBe(1);
        expect(await remindOn('2024-10-08')).toBe(0);
        await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
        // … 9, 10, 11 Oct, then Sat 12 Oct (make-up) is the 7th.
        expect(await remindOn('2024-10-11')).toBe(0);
        expect(await remindOn('2024-10-12')).toBe(1);
        expect(await remindOn('2024-10-14')).toBe(0);
        expect(await remindOn('2024-10-21')).toBe(0);
        await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
        const reminders = provider.delivered.filter((m) => m.idempotencyKey.startsWith('remind:'));
        expect(reminders.map((m) => m.idempotencyKey)).toEqual([`remind:2024:${ids[0]}:1`, `remind:2024:${ids[0]}:2`]);
        expect(reminders[0]!.body).toContain('稳岗返还12,345.67元尚未确认');
        // The reminder's link works and keeps the first link's deadline.
        clock.set('2024-10-21T01:00:00Z');
        const shown = await startConfirmation(store.db, { token: tokenInBody(reminders[1]!.body), clock, cipher: testCipher });
        expect(shown.unitName).toBe(UNITS[0]!.name);

        expect(await unconfirmedUnits(store.db, { round: '2024', clock })).toEqual([
          {
            unitId: ids[0],
            unitName: UNITS[0]!.name,
            creditCode: UNITS[0]!.creditCode,
            regionCode: '371002',
            phoneMasked: '138****0001',
            amountFen: 1_234_567,
            notifiedAt: '2024-09-27T02:00:00.000Z',
            daysSinceNotified: 23,
            remindersSent: 2,
          },
        ]);
      } finally {
        await store.close();
      }
    });
  });
}
