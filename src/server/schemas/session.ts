// Sign-in, the current session and sign-out: staff with username and password, units and persons with a code texted
// to the mobile the agency holds. The session is an HttpOnly cookie; the browser learns who it is and the CSRF token.
import { z } from 'zod';
import { staffRoles } from '../../domain/staff-roles.ts';

const creditCode = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/, { message: '统一社会信用代码须为18位' })
  .describe('统一社会信用代码（18位）');
const idNumber = z
  .string()
  .regex(/^[0-9]{17}[0-9Xx]$/, { message: '公民身份号码须为18位' })
  .describe('公民身份号码（18位）');
const smsCode = z
  .string()
  .regex(/^[0-9]{6}$/, { message: '验证码须为6位数字' })
  .describe('短信验证码（6位数字）');
const password = z.string().min(1).max(256);

export const staffSignInBody = z.strictObject({ username: z.string().min(1).max(64), password });
export const unitCodeBody = z.strictObject({ creditCode });
export const unitSignInBody = unitCodeBody.extend({ code: smsCode });
export const personCodeBody = z.strictObject({ idNumber });
export const personSignInBody = personCodeBody.extend({ code: smsCode });
export const passwordBody = z.strictObject({ current: password, next: password });

/** What signing in answers (the session itself is the cookie). */
export const signedIn = z.object({ csrfToken: z.string(), expiresAt: z.string() });
export const codeRequested = z.object({ message: z.string() });
export const signedOut = z.object({ signedOut: z.literal(true) });
export const passwordChanged = z.object({ changed: z.literal(true) });

export const staffSession = signedIn.extend({
  kind: z.literal('staff'),
  /** As actions are recorded: 显示名（用户名）. */
  name: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(staffRoles)),
  roleNames: z.array(z.string()),
  regionCode: z.string(),
});
export const unitSession = signedIn.extend({ kind: z.literal('unit'), unitId: z.number(), unitName: z.string() });
export const personSession = signedIn.extend({ kind: z.literal('person'), personId: z.number(), name: z.string() });
/** GET /session: who is signed in, and the CSRF token to send as x-csrf-token. */
export const session = z.discriminatedUnion('kind', [staffSession, unitSession, personSession]);
