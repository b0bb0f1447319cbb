// The signed-in identity as the server reports it (GET /api/v1/session), kept in memory for the page's life. The
// session itself is an HttpOnly cookie the page never sees; the CSRF token from here goes with every change.
export type StaffRole = 'case_worker' | 'reviewer' | 'finance' | 'auditor' | 'administrator';

export const ROLE_LABELS: Record<StaffRole, string> = {
  case_worker: '经办员', reviewer: '复核员', finance: '财务人员', auditor: '审计员', administrator: '系统管理员',
};

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

export function hasRole(staff: Staff, ...roles: StaffRole[]): boolean {
  return roles.some((role) => staff.roles.includes(role));
}
