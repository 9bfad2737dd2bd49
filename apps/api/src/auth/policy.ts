import type { Role, User } from './users.js';

/**
 * A user may not do what they asked: `detail` says what is missing and who can grant it
 * (Swedish, the clerk reads it); errors/to-problem.ts answers it as 403.
 */
export class AccessDenied extends Error {
  override readonly name = 'AccessDenied';
  constructor(
    readonly detail: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }
}

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

/** Every permission the roles give (for GET /me). */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(ALLOWED) as Permission[]).filter((p) => roles.some((r) => ALLOWED[p].includes(r)));
}

export const roleName = (role: Role): string => ROLE_SV[role];

/** "a, b eller c" */
function either(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} eller ${words.at(-1)}`;
}

/** Who may grant what is missing: the municipality's administrator (docs/adr/0040). */
const GRANT = 'En administratör kan ge dig behörighet.';

export function mayUser(user: User, permission: Permission): boolean {
  return user.roles.some((r) => ALLOWED[permission].includes(r));
}

export function assertPermission(user: User, permission: Permission): void {
  if (mayUser(user, permission)) return;
  const have = user.roles.map((r) => ROLE_SV[r]);
  const needed = ALLOWED[permission].map((r) => ROLE_SV[r]);
  throw new AccessDenied(
    `${have.length === 1 ? `Rollen ${have[0]}` : `Rollerna ${have.join(' och ')}`} får inte ${PERMISSION_SV[permission]}. ` +
      `Det kräver rollen ${either(needed)}. ${GRANT}`,
    { missing: { permission, roles: ALLOWED[permission] }, grantedBy: 'admin' },
  );
}

/** Writes are scoped to the user's bodies when they are listed (admin: everywhere). */
export function assertBodyAccess(user: User, bodyId: string): void {
  if (user.roles.includes('admin') || user.bodies === undefined) return;
  if (!user.bodies.includes(bodyId)) {
    const allowed = user.bodies.length
      ? `Du får registrera för: ${user.bodies.join(', ')}.`
      : 'Du får inte registrera för något organ.';
    throw new AccessDenied(`Du får inte registrera för organet ${bodyId}. ${allowed} ${GRANT}`, {
      missing: { body: bodyId },
      bodies: user.bodies,
      grantedBy: 'admin',
    });
  }
}

/** Auditors with `bodies` see the raw history of those bodies only; a stream of no body (seals) is outside it. */
export function assertAuditScope(user: User, bodyId: string | undefined): void {
  if (user.bodies === undefined) return;
  if (bodyId === undefined || !user.bodies.includes(bodyId)) {
    throw new AccessDenied(
      `Du får inte granska ${bodyId ? `organet ${bodyId}` : 'denna ström'}. Du får granska: ${user.bodies.join(', ') || 'inget organ'}. ${GRANT}`,
    );
  }
}

export function inAuditScope(user: User, bodyId: string | undefined): boolean {
  return user.bodies === undefined || (bodyId !== undefined && user.bodies.includes(bodyId));
}
