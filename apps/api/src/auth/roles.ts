export const ROLES = ['clerk', 'chair', 'adjuster', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
