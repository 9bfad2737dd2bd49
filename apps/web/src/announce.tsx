import { useSyncExternalStore } from 'react';

/**
 * The page's two live regions: one polite (confirmations, connection changes) and one
 * assertive (errors only). Everything a screen reader should hear goes through here, so a
 * page never has more than these two (the visible notices beside each step stay silent).
 */
let polite = '';
let assertive = '';
let version = 0;
const listeners = new Set<() => void>();

function set(kind: 'polite' | 'assertive', text: string): void {
  // The same text twice is announced twice: clear, then write on the next frame.
  if (kind === 'polite') polite = '';
  else assertive = '';
  version++;
  for (const l of listeners) l();
  setTimeout(() => {
    if (kind === 'polite') polite = text;
    else assertive = text;
    version++;
    for (const l of listeners) l();
  }, 50);
}

export const announce = {
  polite: (text: string) => set('polite', text),
  error: (text: string) => set('assertive', text),
};

export function LiveRegions() {
  useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => version,
  );
  return (
    <div className="sr-only">
      <div aria-live="polite" data-testid="announce-polite">
        {polite}
      </div>
      <div aria-live="assertive" data-testid="announce-error">
        {assertive}
      </div>
    </div>
  );
}
