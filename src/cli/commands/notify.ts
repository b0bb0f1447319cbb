// `wengang notify send|remind|deliver|unconfirmed [--round 2024] [--json]`: SMS notification of the refund round.
// The time is now in Shanghai, or WENGANG_NOW for a scripted round. The SMS provider comes from WENGANG_SMS
// (src/adapters/sms/provider-from-env.ts); the confirmation links point at WENGANG_BASE_URL.
import { chineseWorkingDays } from '../../adapters/calendar/chinese-working-days.ts';
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../adapters/crypto/sm-field-cipher.ts';
import { smsProviderFromEnv, SmsConfigError } from '../../adapters/sms/provider-from-env.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { notifyPassedCases } from '../../services/notify/notify-passed.ts';
import { deliverAllDue, type DeliveryResult } from '../../services/notify/outbox.ts';
import { remindUnconfirmed } from '../../services/notify/reminders.ts';
import { unconfirmedUnits } from '../../services/notify/unconfirmed.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { refundRound, UnknownRoundError } from '../../services/rounds.ts';
import { CliError } from '../cli-error.ts';
import { withStore } from '../with-store.ts';
import { commandClock, output, parseOptions } from '../command-support.ts';
import { settings } from '../../config/settings.ts';

const HELP = `用法：wengang notify <子命令> [--round 2024] [--json]
  send         向公示期满的单位发送告知短信（含返还金额和确认链接），并立即投递
  remind       向已告知未确认的单位发送到期的提醒短信，并立即投递
  deliver      投递短信发件箱中到期的短信（含失败后的重试）
  unconfirmed  已告知但尚未确认的单位名单
环境变量：WENGANG_SMS=local|http|smpp（短信通道，默认 local 写入数据目录 sms.log），WENGANG_BASE_URL（确认链接地址）
`;

const DEFAULT_BASE_URL = 'http://localhost:8080';

function checkedRound(round: string): string {
  try {
    return refundRound(round).round;
  } catch (error) {
    if (error instanceof UnknownRoundError) throw new CliError(error.message, `unknown round ${round}`);
    throw error;
  }
}

export function smsSetup(env: Readonly<Record<string, string | undefined>> = settings()) {
  const { keyRing, development } = keyRingFromEnv(env);
  if (development) process.stderr.write('注意：未配置 WENGANG_KEYS / WENGANG_INDEX_KEY，使用开发密钥，仅供演示\n');
  try {
    return {
      cipher: new SmFieldCipher(keyRing),
      provider: smsProviderFromEnv(env),
      baseUrl: env.WENGANG_BASE_URL || DEFAULT_BASE_URL,
    };
  } catch (error) {
    if (error instanceof SmsConfigError) throw new CliError(error.message, 'bad SMS provider settings');
    throw error;
  }
}

/** Delivers everything due now, then closes the provider's connection. */
export async function deliverAll(store: Store, clock: Clock, setup: ReturnType<typeof smsSetup>): Promise<DeliveryResult> {
  try {
    return await deliverAllDue({ db: store.db, provider: setup.provider, cipher: setup.cipher, clock });
  } finally {
    await setup.provider.close?.();
  }
}

function deliveryText(d: DeliveryResult): string {
  return `短信投递：成功 ${d.sent} 条，待重试 ${d.retrying} 条，失败 ${d.failed} 条`;
}

export async function runNotify(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const v = parseOptions(rest, { round: { type: 'string', default: '2024' } });
  const round = checkedRound(v.round);
  const clock = commandClock();
  switch (sub) {
    case 'send': {
      const setup = smsSetup();
      const result = await withStore(async (store) => {
        const notified = await notifyPassedCases(store.db, { round, clock, cipher: setup.cipher, baseUrl: setup.baseUrl });
        return { ...notified, delivery: await deliverAll(store, clock, setup) };
      });
      return output(v.json, result, () =>
        [
          `已告知 ${result.notified} 个单位`,
          ...result.manual.map((m) => `  ${m.unitName}（${m.creditCode}）：${m.reason}`),
          deliveryText(result.delivery),
        ].join('\n'),
      );
    }
    case 'remind': {
      const setup = smsSetup();
      const result = await withStore(async (store) => {
        const reminded = await remindUnconfirmed(store.db, {
          round,
          clock,
          calendar: chineseWorkingDays,
          baseUrl: setup.baseUrl,
        });
        return { reminded, delivery: await deliverAll(store, clock, setup) };
      });
      return output(v.json, result, () => `已发出提醒 ${result.reminded} 条\n${deliveryText(result.delivery)}`);
    }
    case 'deliver': {
      const setup = smsSetup();
      const result = await withStore((store) => deliverAll(store, clock, setup));
      return output(v.json, result, () => deliveryText(result));
    }
    case 'unconfirmed': {
      const units = await withStore(({ db }) => unconfirmedUnits(db, { round, clock }));
      return output(v.json, units, () =>
        units.length
          ? [
              `已告知未确认单位 ${units.length} 个：`,
              ...units.map(
                (u) =>
                  `  ${u.unitName}（${u.creditCode}） 手机 ${u.phoneMasked ?? '无'}  ${formatYuan(u.amountFen)}元  已告知 ${u.daysSinceNotified} 天  已提醒 ${u.remindersSent} 次`,
              ),
            ].join('\n')
          : '没有已告知未确认的单位',
      );
    }
    default:
      throw new CliError(`未知子命令：notify ${sub}\n${HELP}`, `unknown subcommand: notify ${sub}`);
  }
}
