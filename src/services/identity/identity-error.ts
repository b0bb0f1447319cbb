// A sign-in or account request refused, with a Chinese message for the user and a code for the API.
import { Refusal, type RefusalKind } from '../../domain/refusal.ts';

export type IdentityErrorCode =
  | 'BAD_CREDENTIALS' // wrong username or password (never says which)
  | 'THROTTLED' // too many failures: wait a little before the next attempt
  | 'DISABLED'
  | 'INVALID' // a new account or password that breaks a rule
  | 'CONFLICT' // the username is taken
  | 'NOT_FOUND';

const kindOf: Readonly<Record<IdentityErrorCode, RefusalKind>> = {
  BAD_CREDENTIALS: 'UNAUTHENTICATED',
  THROTTLED: 'TOO_MANY',
  DISABLED: 'FORBIDDEN',
  INVALID: 'INVALID',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
};

export class IdentityError extends Refusal<IdentityErrorCode> {
  constructor(code: IdentityErrorCode, message: string) {
    super(code, message, kindOf[code]);
  }
}
