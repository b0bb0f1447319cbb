// A sign-in or account request refused, with a Chinese message for the user and a code for the API.
export type IdentityErrorCode =
  | 'BAD_CREDENTIALS' // wrong username or password (never says which)
  | 'THROTTLED' // too many failures: wait a little before the next attempt
  | 'DISABLED'
  | 'INVALID' // a new account or password that breaks a rule
  | 'CONFLICT' // the username is taken
  | 'NOT_FOUND';

export class IdentityError extends Error {
  constructor(readonly code: IdentityErrorCode, message: string) {
    super(message);
  }
}
