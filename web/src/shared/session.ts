// The signed-in identity as the server reports it (GET /api/v1/session), kept in memory for the page's life. The
// session itself is an HttpOnly cookie the page never sees; the CSRF token from here goes with every change. When the
// server stops accepting the session (401: expired, signed out elsewhere), the screens listening are told.
import type { StaffRole } from '../../../src/domain/staff-roles.ts';

export { staffRoleLabels, staffRoles, type StaffRole } from '../../../src/domain/staff-roles.ts';

interface SessionCommon {
  csrfToken: string;
  expiresAt: string;
}

export interface Staff extends SessionCommon {
  kind: 'staff';
  /** As actions are recorded: 显示名（用户名）. */
  name: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  roleNames: string[];
  regionCode: string;
}

export interface UnitSession extends SessionCommon {
  kind: 'unit';
  unitId: number;
  unitName: string;
}

export interface PersonSession extends SessionCommon {
  kind: 'person';
  personId: number;
  name: string;
}

export type Session = Staff | UnitSession | PersonSession;

let current: Session | undefined;

export function currentSession(): Session | undefined {
  return current;
}

export function rememberSession(session: Session | undefined): void {
  current = session;
}

/** What a sign-in page says when it is shown because the session expired. */
export const SESSION_EXPIRED = '登录已过期，请重新登录';

const lostListeners = new Set<() => void>();

/** Calls `listener` whenever the server refuses a remembered session (401); returns the way to stop listening. */
export function onSessionLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => {
    lostListeners.delete(listener);
  };
}

/** Forgets the session the server no longer accepts and, if one was remembered, tells the listeners. */
export function sessionRefused(): void {
  if (!current) return;
  current = undefined;
  for (const listener of [...lostListeners]) listener();
}

export function hasRole(staff: Staff, ...roles: StaffRole[]): boolean {
  return roles.some((role) => staff.roles.includes(role));
}
