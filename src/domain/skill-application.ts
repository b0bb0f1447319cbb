// A skill-upgrade subsidy application's channel and state (鲁人社发〔2024〕8号 第四条): submitted with its decision,
// then approved or returned by a second person.

export type SkillApplicationChannel = 'person_portal' | 'case_worker' | 'api';
export type SkillApplicationState = 'submitted' | 'approved' | 'returned';
export type SkillDecisionStatus = 'eligible' | 'ineligible' | 'needs_review';
