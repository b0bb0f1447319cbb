// The signed-in member of staff, kept in session storage (a stand-in until sign-in arrives with the security issue).
export type StaffRole = 'case_worker' | 'reviewer' | 'finance' | 'auditor' | 'administrator';

export interface Staff {
  name: string;
  role: StaffRole;
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  case_worker: '经办员', reviewer: '复核员', finance: '财务', auditor: '审计', administrator: '管理员',
};

const KEY = 'wengang.staff';

export function currentStaff(): Staff | undefined {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return undefined;
  try {
    return JSON.parse(stored) as Staff;
  } catch {
    return undefined;
  }
}

export function signIn(staff: Staff): void {
  sessionStorage.setItem(KEY, JSON.stringify(staff));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
