export const BODY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const PREVIEW_DELAY_MS = 400;

export interface Version {
  version: number;
  adoptedAt: string | null;
  name: string;
}
export type Source =
  | { kind: 'body'; bodyId: string; version: number; name: string }
  | { kind: 'shipped'; id: string; name: string };

export const when = (iso: string | null): string =>
  iso
    ? new Date(iso).toLocaleString('sv-SE', {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '';
