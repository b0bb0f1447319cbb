// Who a request acts for, once its session is resolved: a member of staff (roles and the region they are scoped to),
// a unit signed in with its credit code, or a person signed in with their ID number.
import type { Actor } from '../../domain/refund-case.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';

interface SessionPart {
  sessionId: number;
  csrfToken: string;
  expiresAt: Date;
}

export interface StaffIdentity extends SessionPart {
  kind: 'staff';
  accountId: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  /** The region the account is scoped to: it sees and acts on that region and the regions under it. */
  regionCode: string;
}

export interface UnitIdentity extends SessionPart {
  kind: 'unit';
  unitId: number;
  creditCode: string;
  unitName: string;
}

export interface PersonIdentity extends SessionPart {
  kind: 'person';
  personId: number;
  name: string;
}

export type Identity = StaffIdentity | UnitIdentity | PersonIdentity;

/** The name a member of staff is recorded under: display name and username, unique per account. */
export function staffName(identity: Pick<StaffIdentity, 'displayName' | 'username'>): string {
  return `${identity.displayName}（${identity.username}）`;
}

/** The staff identity as the actor of a workflow step, acting in `role` (one the account holds). */
export function staffActorOf(identity: StaffIdentity, role: StaffRole): Actor & { kind: 'staff' } {
  return { kind: 'staff', name: staffName(identity), role };
}
