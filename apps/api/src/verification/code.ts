import { sha256Hex } from '@app/event-store';

/**
 * The verification code printed on a certified extract (docs/adr/0026): 60 bits of
 * SHA-256(document hash ":" seal root), in Crockford base 32 (no I, L, O, U: easy to read aloud
 * and type from paper), as XXXX-XXXX-XXXX. It binds the exact text to the seal over $all that
 * covers its certification; the record keeps what it stands for on `extract-code-<code>`.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function verificationCode(documentSha256: string, sealRoot: string): string {
  const bits = BigInt(`0x${sha256Hex(`${documentSha256}:${sealRoot}`).slice(0, 15)}`); // 60 bits
  let out = '';
  for (let i = 11; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** What a person types may be lower-case, with O for 0 or I/L for 1; normalise before looking up. */
export function normaliseCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

export const codeStream = (code: string) => `extract-code-${code}`;

/** The extract text as hashed: line ends as \n, exactly one at the end. */
export function extractBody(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n*$/, '\n');
}

/** The lines appended to a certified extract; `splitCertified` takes them off again. */
export function certifiedText(extract: string, code: string): string {
  return `${extractBody(extract)}\nKontrollkod: ${code}\nKontrollera utdraget mot protokollet på /verify?code=${code}\n`;
}

export function splitCertified(text: string): { extract: string; code: string } | null {
  const normalised = text.replace(/\r\n/g, '\n');
  const match =
    /\n\nKontrollkod: ([0-9A-Z-]{14})\nKontrollera utdraget mot protokollet på \/verify\?code=\1\n?$/.exec(
      normalised,
    );
  if (!match) return null;
  return { extract: normalised.slice(0, match.index + 1), code: match[1] };
}
