import { useEffect, useState } from 'react';
import { request, session } from './api';

export type Permission = 'read' | 'record' | 'justify' | 'administer' | (string & {});

/** The signed-in user as `GET /me` answers: what the navigation and the pages may offer. */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly permissions: readonly Permission[];
}

let cached: { token: string; me: Promise<Me | null> } | null = null;

/** Asked once per token; null when the server does not answer (offline) or has no such route. */
function fetchMe(): Promise<Me | null> {
  const token = session.token();
  if (!token) return Promise.resolve(null);
  if (cached?.token !== token) {
    const me = request<Me>('/me').catch(() => {
      cached = null; // ask again next time
      return null;
    });
    cached = { token, me };
  }
  return cached.me;
}

/** The signed-in user, or null until known. */
export function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
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

export const may = (me: Me | null, permission: Permission): boolean =>
  Boolean(me?.permissions.includes(permission));
