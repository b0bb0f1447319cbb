// Refusals on the confirmation path; the message is shown to the unit as it is, in Chinese.

export type ConfirmErrorCode =
  | 'LINK_INVALID' | 'LINK_EXPIRED' | 'ALREADY_CONFIRMED' | 'NOT_CONFIRMABLE' | 'NO_PHONE'
  | 'CODE_TOO_SOON' | 'CODE_MISSING' | 'CODE_EXPIRED' | 'CODE_WRONG' | 'CODE_LOCKED';

export class ConfirmError extends Error {
  override name = 'ConfirmError';
  constructor(readonly code: ConfirmErrorCode, message: string) {
    super(message);
  }
}
