// Refusals on the confirmation path; the message is shown to the unit as it is, in Chinese.
import { Refusal, type RefusalKind } from '../../domain/refusal.ts';

export type ConfirmErrorCode =
  | 'LINK_INVALID'
  | 'LINK_EXPIRED'
  | 'ALREADY_CONFIRMED'
  | 'NOT_CONFIRMABLE'
  | 'NO_PHONE'
  | 'CODE_TOO_SOON'
  | 'CODE_MISSING'
  | 'CODE_EXPIRED'
  | 'CODE_WRONG'
  | 'CODE_LOCKED';

const kindOf: Readonly<Record<ConfirmErrorCode, RefusalKind>> = {
  LINK_INVALID: 'NOT_FOUND',
  LINK_EXPIRED: 'GONE',
  ALREADY_CONFIRMED: 'CONFLICT',
  NOT_CONFIRMABLE: 'CONFLICT',
  NO_PHONE: 'CONFLICT',
  CODE_TOO_SOON: 'TOO_MANY',
  CODE_MISSING: 'INVALID',
  CODE_EXPIRED: 'INVALID',
  CODE_WRONG: 'INVALID',
  CODE_LOCKED: 'FORBIDDEN',
};

export class ConfirmError extends Refusal<ConfirmErrorCode> {
  override name = 'ConfirmError';
  constructor(code: ConfirmErrorCode, message: string) {
    super(code, message, kindOf[code]);
  }
}
