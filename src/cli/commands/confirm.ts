// `wengang confirm <token> [--code C] [--json]`: the unit's confirmation from the command line (agency scripts and
// tests). Without --code it shows the refund and texts a one-time code; with --code it confirms.
import { confirm, startConfirmation } from '../../services/confirm/confirm.ts';
import { ConfirmError } from '../../services/confirm/confirm-error.ts';
import { CliError } from '../cli-error.ts';
import { withStore } from '../with-store.ts';
import { deliverAll, smsSetup } from './notify.ts';
import { commandClock, output, parseOptions } from '../command-support.ts';

export async function runConfirm(args: string[]): Promise<number> {
  const [token, ...rest] = args;
  // A base64url token may itself begin with '-', so only a missing token or one of the options is refused.
  if (!token || ['--code', '--json', '--help', '-h'].includes(token)) {
    throw new CliError(
      '用法：wengang confirm <链接中的令牌> [--code 验证码] [--json]',
      'usage: wengang confirm <token> [--code C] [--json]',
    );
  }
  const v = parseOptions(rest, { code: { type: 'string' } });
  const clock = commandClock();
  const setup = smsSetup();
  try {
    if (v.code) {
      const done = await withStore(({ db }) => confirm(db, { token, code: v.code!, clock, cipher: setup.cipher }));
      return output(v.json, done, () => `${done.unitName} 已确认：返还 ${done.amountYuan} 元至${done.payTo}`);
    }
    const shown = await withStore(async (store) => {
      const view = await startConfirmation(store.db, { token, clock, cipher: setup.cipher });
      await deliverAll(store, clock, setup);
      return view;
    });
    return output(
      v.json,
      shown,
      () =>
        `${shown.unitName}：拟返还 ${shown.amountYuan} 元至${shown.payTo}\n验证码已发送至 ${shown.phoneMasked}，请用 --code 输入`,
    );
  } catch (error) {
    if (error instanceof ConfirmError) throw new CliError(error.message, `refused (${error.code})`, 3);
    throw error;
  }
}
