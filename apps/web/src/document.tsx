import { useMemo } from 'react';
import { request, session } from './api';

/**
 * A document (protocol, extract, omröstningsbilaga) as the API writes it in HTML: its article
 * and its stylesheet (scoped to the article, with the print rules: A4, running head, page
 * numbers). The API escapes every text it writes, and only the article and the style are taken
 * from the answer, so nothing else of it reaches the page. Printing (Ctrl+P) prints the element
 * marked `printable` only (styles.css).
 */
export function DocumentView(props: { html: string; testId?: string; printable?: boolean; live?: boolean }) {
  const parts = useMemo(() => documentParts(props.html), [props.html]);
  // The style sits beside the view, not in it, so the view's text is the document's alone.
  return (
    <>
      {parts.css && <style>{parts.css}</style>}
      <div
        className={`document-view${props.printable ? ' printable' : ''}`}
        data-testid={props.testId}
        aria-live={props.live ? 'polite' : undefined}
        tabIndex={0}
        dangerouslySetInnerHTML={{ __html: parts.article }}
      />
    </>
  );
}

function documentParts(html: string): { css: string; article: string } {
  if (!html) return { css: '', article: '' };
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = doc.querySelector('article');
  return {
    css: doc.querySelector('style')?.textContent ?? '',
    article: article ? article.outerHTML : '',
  };
}

/** Fetch a document as HTML (signed in unless `token` is null). */
export const getDocumentHtml = (path: string, token?: string | null) =>
  request<string>(path, { accept: 'text/html', token });

/**
 * "Ladda ner PDF": a signed-in route needs the bearer token, which a plain link cannot send,
 * so the PDF is fetched and saved under the name the API gives it (Content-Disposition).
 */
export async function downloadPdf(path: string): Promise<void> {
  const token = session.token();
  const res = await fetch(`${path}${path.includes('?') ? '&' : '?'}format=pdf&download=1`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`PDF: HTTP ${res.status}`);
  const name = fileNameOf(res.headers.get('content-disposition')) ?? 'dokument.pdf';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a Content-Disposition: `filename*` (RFC 5987) first, else `filename`. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain ? plain[1]! : null;
}

/** The button beside a document. */
export function PdfButton(props: { path: string; label?: string }) {
  return (
    <button
      type="button"
      className="pdf-button"
      onClick={() => void downloadPdf(props.path).catch(() => undefined)}
    >
      {props.label ?? 'Ladda ner PDF'}
    </button>
  );
}
