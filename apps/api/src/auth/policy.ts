import type { Role, User } from './users.js';
import { problems } from '../errors/problem.js';

/**
 * What a route needs. `record`: the clerk's work (everything recorded about a meeting);
 * `justify`: signing the protocol or a paragraph (chair and justerare); `read`: any query;
 * `audit`: raw history with who and when, and verification details (auditors only, docs/adr/0026).
 */
export type Permission = 'read' | 'record' | 'justify' | 'administer' | 'audit';

const ALLOWED: Record<Permission, readonly Role[]> = {
  read: ['clerk', 'chair', 'adjuster', 'auditor', 'admin'],
  record: ['clerk', 'admin'],
  justify: ['chair', 'adjuster', 'admin'],
  // The municipality's administrator: house styles (and, later, bodies and users).
  administer: ['admin'],
  audit: ['auditor'],
};

const ROLE_SV: Record<Role, string> = {
  clerk: 'nämndsekreterare',
  chair: 'ordförande',
  adjuster: 'justerare',
  auditor: 'revisor',
  admin: 'administratör',
};

const PERMISSION_SV: Record<Permission, string> = {
  read: 'läsa',
  record: 'registrera i protokollet',
  justify: 'justera',
  administer: 'administrera organ och husstilar',
  audit: 'läsa rå händelsehistorik eller verifieringsdetaljer',
};

/** Every permission a role has (for GET /me). */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(ALLOWED) as Permission[]).filter((p) => ALLOWED[p].includes(role));
}

export function assertPermission(user: User, permission: Permission): void {
  if (!ALLOWED[permission].includes(user.role)) {
    throw problems.forbidden(`Rollen ${ROLE_SV[user.role]} får inte ${PERMISSION_SV[permission]}.`);
  }
}

/** Writes are scoped to the user's bodies when the users file lists them (admin: everywhere). */
export function assertBodyAccess(user: User, bodyId: string): void {
  if (user.role === 'admin' || user.bodies === undefined) return;
  if (!user.bodies.includes(bodyId)) {
    throw problems.forbidden(`Du får inte registrera för organet ${bodyId}.`);
  }
}

/** Auditors with `bodies` see the raw history of those bodies only; a stream of no body (seals) is outside it. */
export function assertAuditScope(user: User, bodyId: string | undefined): void {
  if (user.bodies === undefined) return;
  if (bodyId === undefined || !user.bodies.includes(bodyId)) {
    throw problems.forbidden(`Du får inte granska ${bodyId ? `organet ${bodyId}` : 'denna ström'}.`);
  }
}

export function inAuditScope(user: User, bodyId: string | undefined): boolean {
  return user.bodies === undefined || (bodyId !== undefined && user.bodies.includes(bodyId));
}
