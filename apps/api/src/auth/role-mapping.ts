import { ROLES, type Role } from './roles.js';

/**
 * How the identity provider's group claims become roles and bodies (docs/adr/0039): the JSON
 * setting PARAGRAF_OIDC_GROUPS, e.g.
 * `{"claim":"groups","groups":{"<group id>":{"roles":["clerk"],"bodies":["ks","ks-au"]}}}`.
 * A person gets the union of the roles and bodies of every group they are in; `"*"` as a body
 * means every body. A person in no mapped group is not let in.
 */
export interface RoleMapping {
  /** The claim that lists the person's groups (Entra ID: `groups`; AD FS: often `group` or `role`). */
  readonly claim: string;
  /** The claim that identifies the person for the users file's `subject` link (default `sub`). */
  readonly subjectClaim: string;
  readonly groups: Readonly<Record<string, { roles: readonly Role[]; bodies: readonly string[] }>>;
}

/** Parses the setting; throws an Error whose message names the part that is wrong. */
export function parseRoleMapping(raw: string): RoleMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new Error(`is not JSON (${(err as Error).message})`);
  }
  const m = parsed as { claim?: unknown; subjectClaim?: unknown; groups?: unknown };
  if (!m || typeof m !== 'object') throw new Error('must be a JSON object');
  const claim = m.claim ?? 'groups';
  const subjectClaim = m.subjectClaim ?? 'sub';
  if (typeof claim !== 'string' || !claim) throw new Error('"claim" must be a claim name');
  if (typeof subjectClaim !== 'string' || !subjectClaim)
    throw new Error('"subjectClaim" must be a claim name');
  if (!m.groups || typeof m.groups !== 'object' || Array.isArray(m.groups)) {
    throw new Error('"groups" must map each group to {"roles": [...], "bodies": [...]}');
  }
  const groups: Record<string, { roles: Role[]; bodies: string[] }> = {};
  for (const [group, g] of Object.entries(m.groups as Record<string, unknown>)) {
    const { roles, bodies = [] } = (g ?? {}) as { roles?: unknown; bodies?: unknown };
    if (!Array.isArray(roles) || !roles.length || roles.some((r) => !ROLES.includes(r as Role))) {
      throw new Error(`groups["${group}"].roles must be a non-empty list of ${ROLES.join(', ')}`);
    }
    if (!Array.isArray(bodies) || bodies.some((b) => typeof b !== 'string' || !b)) {
      throw new Error(`groups["${group}"].bodies must be a list of body ids (or "*")`);
    }
    groups[group] = { roles: roles as Role[], bodies: bodies as string[] };
  }
  return { claim, subjectClaim, groups };
}

/** The roles and bodies the claims give; null when no group of the person is mapped. */
export function rolesFromClaims(
  mapping: RoleMapping,
  claims: Record<string, unknown>,
): { roles: Role[]; bodies?: string[] } | null {
  const value = claims[mapping.claim];
  const memberOf = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  const matched = memberOf.map((g) => mapping.groups[g]).filter((g) => g !== undefined);
  if (!matched.length) return null;
  const roles = ROLES.filter((r) => matched.some((g) => g.roles.includes(r)));
  const bodies = [...new Set(matched.flatMap((g) => g.bodies))];
  return bodies.includes('*') ? { roles } : { roles, bodies };
}
