import { useEffect, useState } from 'react';
import { ApiError, request } from './api';

export type Permission = 'read' | 'record' | 'justify' | 'administer' | (string & {});

/** The signed-in person as `GET /me` answers: what the header shows and the pages may offer. */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly roles: readonly string[];
  /** The roles in Swedish, as the page shows them. */
  readonly roleNames: readonly string[];
  readonly permissions: readonly Permission[];
  /** The bodies they may record for; null: every body. */
  readonly bodies: readonly string[] | null;
  readonly memberId?: string;
  readonly signedInWith: 'oidc' | 'development' | 'token';
}

/** Who was signed in, kept for this tab so a reload while the server is away still knows. */
const KEY = 'paragraf.me';

let asked: Promise<Me | null> | null = null;

/**
 * Asked once per page load (the session cookie is the browser's, so every tab shares it).
 * null: not signed in (401). When the server does not answer, the last known person stands,
 * so a clerk who reloads while offline keeps their queue and their page.
 */
export function fetchMe(): Promise<Me | null> {
  asked ??= request<Me>('/me')
    .then((me) => {
      sessionStorage.setItem(KEY, JSON.stringify(me));
      return me;
    })
    .catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 401) {
        sessionStorage.removeItem(KEY);
        return null;
      }
      asked = null; // ask again next time
      const known = sessionStorage.getItem(KEY);
      return known ? (JSON.parse(known) as Me) : null;
    });
  return asked;
}

/** The signed-in person; undefined until known, null when nobody is signed in. */
export function useMe(): Me | null | undefined {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void fetchMe().then((m) => {
      if (live) setMe(m);
    });
    return () => {
      live = false;
    };
  }, []);
  return me;
}

/** End the session on the server, then go where it says (the provider's sign-out, or the start). */
export async function signOut(): Promise<void> {
  sessionStorage.removeItem(KEY);
  let redirect = '/';
  try {
    redirect = (await request<{ redirect: string }>('/auth/sign-out', { method: 'POST' })).redirect;
  } catch {
    // The cookie is cleared by the answer; without one, the start page asks again.
  }
  window.location.assign(redirect);
}

export const may = (me: Me | null | undefined, permission: Permission): boolean =>
  Boolean(me?.permissions.includes(permission));
