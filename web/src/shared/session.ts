// The signed-in identity as the server reports it (GET /api/v1/session), kept in memory for the page's life. The
// session itself is an HttpOnly cookie the page never sees; the CSRF token from here goes with every change. When the
// server stops accepting the session (401: expired, signed out elsewhere), the screens listening are told.
import type { z } from 'zod';
import type {
  codeRequested,
  passwordChanged,
  personSession,
  session,
  staffSession,
  unitSession,
} from '../../../src/server/schemas/session.ts';
import type { StaffRole } from '../../../src/domain/staff-roles.ts';

export { staffRoleLabels, staffRoles, type StaffRole } from '../../../src/domain/staff-roles.ts';

export type Staff = z.input<typeof staffSession>;
export type UnitSession = z.input<typeof unitSession>;
export type PersonSession = z.input<typeof personSession>;
export type Session = z.input<typeof session>;
/** The answer to asking for a sign-in code (the same whether or not the identifier is known). */
export type CodeRequested = z.input<typeof codeRequested>;
export type PasswordChanged = z.input<typeof passwordChanged>;

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
