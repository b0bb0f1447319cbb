// Staff accounts for the system administrator: list, create, disable, enable, unlock and reset a password.
import { z } from 'zod';
import { staffRoles } from '../../domain/staff-roles.ts';
import { idText, regionCode } from './common.ts';

const password = z.string().min(1).max(256);

export const accountParams = z.object({ id: idText });
export const newAccountBody = z.strictObject({
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(40),
  roles: z.array(z.enum(staffRoles)).min(1).max(5),
  regionCode,
  password,
});
export const passwordBody = z.strictObject({ password });

export const staffAccount = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(staffRoles)),
  regionCode: z.string(),
  regionName: z.string(),
  locked: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const passwordReset = z.object({ reset: z.literal(true) });
