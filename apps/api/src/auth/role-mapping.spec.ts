import { describe, expect, it } from '@jest/globals';
import { loadApiConfig } from '../config.js';
import { parseRoleMapping, rolesFromClaims } from './role-mapping.js';
import { UserDirectory } from './users.js';
import { assertBodyAccess, assertPermission, permissionsOf } from './policy.js';

const mapping = parseRoleMapping(
  JSON.stringify({
    claim: 'groups',
    groups: {
      'sek-ksau': { roles: ['clerk'], bodies: ['ks-au'] },
      'sek-ks': { roles: ['clerk'], bodies: ['ks'] },
      justerare: { roles: ['adjuster'], bodies: ['ks-au'] },
      admins: { roles: ['admin'], bodies: ['*'] },
    },
  }),
);

describe('the provider’s groups to roles and bodies', () => {
  it('a person gets the union of their groups; unknown groups add nothing', () => {
    expect(rolesFromClaims(mapping, { groups: ['sek-ksau', 'sek-ks', 'other'] })).toEqual({
      roles: ['clerk'],
      bodies: ['ks-au', 'ks'],
    });
    expect(rolesFromClaims(mapping, { groups: ['sek-ksau', 'justerare'] })).toEqual({
      roles: ['clerk', 'adjuster'],
      bodies: ['ks-au'],
    });
    expect(rolesFromClaims(mapping, { groups: 'admins' })).toEqual({ roles: ['admin'] });
  });

  it('no mapped group (or no claim) lets no one in', () => {
    expect(rolesFromClaims(mapping, { groups: ['other'] })).toBeNull();
    expect(rolesFromClaims(mapping, {})).toBeNull();
  });

  it.each([
    ['not json', /not JSON/],
    ['{"groups":{"g":{"roles":["king"]}}}', /groups\["g"\]\.roles/],
    ['{"groups":{"g":{"roles":["clerk"],"bodies":[1]}}}', /groups\["g"\]\.bodies/],
    ['{"groups":[]}', /"groups" must map/],
  ])('%s is refused naming what is wrong', (raw, message) => {
    expect(() => parseRoleMapping(raw)).toThrow(message);
  });
});

describe('OIDC settings', () => {
  const ok = {
    PARAGRAF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
    PARAGRAF_OIDC_CLIENT_ID: 'id',
    PARAGRAF_OIDC_CLIENT_SECRET: 'secret',
    PARAGRAF_OIDC_REDIRECT_URL: 'https://paragraf.kommun.se/auth/callback',
    PARAGRAF_OIDC_GROUPS: '{"groups":{"g":{"roles":["clerk"],"bodies":["ks"]}}}',
  };

  it('none set: development sign-in; all set: the provider', () => {
    expect(loadApiConfig({}).oidc).toBeUndefined();
    const config = loadApiConfig(ok);
    expect(config.oidc?.issuer.href).toBe(ok.PARAGRAF_OIDC_ISSUER);
    expect(config.oidc?.scopes).toBe('openid profile email');
    expect(config.oidc?.mapping.groups.g).toEqual({ roles: ['clerk'], bodies: ['ks'] });
  });

  it.each([
    [{ PARAGRAF_OIDC_CLIENT_ID: 'id' }, 'PARAGRAF_OIDC_CLIENT_ID'],
    [{ ...ok, PARAGRAF_OIDC_CLIENT_ID: '' }, 'PARAGRAF_OIDC_CLIENT_ID'],
    [{ ...ok, PARAGRAF_OIDC_ISSUER: 'http://idp.kommun.se' }, 'PARAGRAF_OIDC_ISSUER'],
    [
      { ...ok, PARAGRAF_OIDC_REDIRECT_URL: 'https://paragraf.kommun.se/elsewhere' },
      'PARAGRAF_OIDC_REDIRECT_URL',
    ],
    [{ ...ok, PARAGRAF_OIDC_GROUPS: '{"groups":{}' }, 'PARAGRAF_OIDC_GROUPS'],
    [{ ...ok, PARAGRAF_OIDC_GROUPS: '' }, 'PARAGRAF_OIDC_GROUPS'],
  ])('%o is refused naming %s', (env, variable) => {
    expect(() => loadApiConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it('plain http only for a provider on this machine (tests, development)', () => {
    expect(
      loadApiConfig({
        ...ok,
        PARAGRAF_OIDC_ISSUER: 'http://127.0.0.1:4000',
        PARAGRAF_OIDC_REDIRECT_URL: 'http://localhost:3000/auth/callback',
      }).oidc?.issuer.port,
    ).toBe('4000');
  });
});

describe('users with several roles', () => {
  const users = new UserDirectory([
    { id: 'p', name: 'P', role: 'clerk', roles: ['clerk', 'adjuster'], bodies: ['ks-au'], memberId: 'm' },
  ]);
  const p = users.get('p')!;

  it('may what any of their roles may', () => {
    expect(permissionsOf(p.roles)).toEqual(['read', 'record', 'justify']);
    expect(() => assertPermission(p, 'justify')).not.toThrow();
    expect(() => assertPermission(p, 'audit')).toThrow(
      'Rollerna nämndsekreterare och justerare får inte läsa rå händelsehistorik eller verifieringsdetaljer. Det kräver rollen revisor. En administratör kan ge dig behörighet.',
    );
    expect(() => assertBodyAccess(p, 'ks')).toThrow(
      'Du får inte registrera för organet ks. Du får registrera för: ks-au. En administratör kan ge dig behörighet.',
    );
  });
});
