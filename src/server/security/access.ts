// Who may call each API route. Every route under /api/ declares `config.access`; the server refuses to
// start when one does not (guard.ts), and the authorisation matrix test checks each declaration against every role.
//   public  — anyone, signed in or not (the evaluation contract, the public notice, sign-in itself)
//   staff   — members of staff holding one of these roles; `scope` names the regions the request touches, which must
//             all lie within the region the account is scoped to ('all' = the whole data set: city- or province-wide
//             accounts only)
//   unit / person — a signed-in unit or person; the handler limits them to their own records
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';
import type { Identity } from '../../services/identity/identity.ts';

export type TouchedRegions = readonly string[] | 'all';
export type ScopeResolver = (request: FastifyRequest, db: Kysely<Database>) => Promise<TouchedRegions>;

export interface Access {
  public?: true;
  staff?: readonly StaffRole[];
  scope?: ScopeResolver;
  unit?: true;
  person?: true;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in identity, when the request carries a live session. */
    identity?: Identity;
    /** For handlers that learn what they touch only from the body (uploads): true when staff may touch it. */
    withinScope(touched: TouchedRegions): Promise<boolean>;
  }
}

export const PUBLIC: Access = { public: true };
export const ALL_STAFF: readonly StaffRole[] = ['case_worker', 'reviewer', 'finance', 'auditor', 'administrator'];
/** Staff who work cases (everyone but the system administrator, who manages accounts only). */
export const CASE_STAFF: readonly StaffRole[] = ['case_worker', 'reviewer', 'finance', 'auditor'];

export function staff(roles: readonly StaffRole[], scope?: ScopeResolver): { access: Access } {
  return { access: { staff: roles, ...(scope && { scope }) } };
}

/** The whole data set: for actions and lists that cover every region. */
export const wholeDataSet: ScopeResolver = async () => 'all';
