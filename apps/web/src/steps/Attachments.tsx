import { useRef, useState } from 'react';
import { ApiError, csrfHeaders, NetworkError, session } from '../api';
import { Field, submit } from '../ui';
import { Step, Strike } from './Step';
import type { AttachmentView, ParagraphView } from './types';

interface Stored {
  sha256: string;
  size: number;
  mediaType: string;
}

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} byte`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** The SHA-256 the browser computes itself, to check the server stored these very bytes. */
async function sha256Of(file: Blob): Promise<string | null> {
  if (!crypto.subtle) return null; // only in a secure context (https or localhost)
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A bearer token only when one is set; the session cookie goes by itself. */
function bearer(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The bytes go first (POST /attachments answers their SHA-256); the bilaga refers to them. */
async function upload(file: File): Promise<Stored> {
  // JSON bodies are commands, not documents: a .json file is sent as plain bytes.
  const type = !file.type || file.type.includes('json') ? 'application/octet-stream' : file.type;
  let res: Response;
  try {
    res = await fetch('/attachments', {
      method: 'POST',
      headers: { ...bearer(), ...csrfHeaders(), 'content-type': type },
      body: file,
    });
  } catch {
    throw new NetworkError(
      'Ingen anslutning: filen kunde inte laddas upp. Försök igen när anslutningen är tillbaka.',
    );
  }
  if (!res.ok) {
    const problem = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : {};
    throw new ApiError({ ...problem, status: res.status });
  }
  return (await res.json()) as Stored;
}

async function open(a: AttachmentView): Promise<void> {
  const res = await fetch(`/attachments/${a.sha256}`, {
    headers: bearer(),
  });
  if (!res.ok) throw new Error('Bilagan kunde inte hämtas.');
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Bilagor to the paragraph: a beslutsunderlag, written reservation reasons … uploaded, stored
 * by SHA-256, numbered in the documents.
 */
export function AttachmentsStep(props: { p: ParagraphView }) {
  const { p } = props;
  return (
    <AttachmentsForm
      testId="step-attachments"
      title="Bilagor"
      idPrefix="g"
      postPath={`/paragraphs/${p.paragraphId}/attachments`}
      attachments={p.attachments ?? []}
      strikeIn={p.status !== 'justified' ? p.paragraphId : undefined}
    />
  );
}

/** Bilagor to the protocol as a whole (e.g. a närvaro- och omröstningslista prepared beforehand). */
export function ProtocolAttachments(props: { meetingId: string; attachments: readonly AttachmentView[] }) {
  return (
    <AttachmentsForm
      testId="protocol-attachments"
      title="Bilagor till protokollet"
      idPrefix="pa"
      postPath={`/meetings/${props.meetingId}/attachments`}
      attachments={props.attachments}
    />
  );
}

function AttachmentsForm(props: {
  testId: string;
  title: string;
  idPrefix: string;
  postPath: string;
  attachments: readonly AttachmentView[];
  /** The paragraph whose bilagor may be struck (by their SHA-256); none for the protocol's. */
  strikeIn?: string;
}) {
  const { idPrefix } = props;
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  const attachments = props.attachments;
  return (
    <Step
      testId={props.testId}
      title={props.title}
      button="Ladda upp och bifoga"
      onSubmit={async () => {
        if (!file) throw new Error('Välj en fil att bifoga.');
        if (!title.trim()) throw new Error('Skriv bilagans rubrik, t.ex. Reservation (S).');
        const [stored, own] = await Promise.all([upload(file), sha256Of(file)]);
        if (own && own !== stored.sha256)
          throw new Error('Filen ändrades på vägen till servern (kontrollsumman stämmer inte). Försök igen.');
        const msg = await submit(
          props.postPath,
          { sha256: stored.sha256, filename: file.name, title: title.trim() },
          `Bilaga ${title.trim()}`,
        );
        setFile(null);
        setTitle('');
        if (fileRef.current) fileRef.current.value = '';
        return msg;
      }}
    >
      {attachments.length > 0 && (
        <ul className="entries" data-testid={`${props.testId}-list`}>
          {attachments.map((a) => (
            <li key={`${a.sha256}-${a.number}`} className={a.struck ? 'struck' : undefined}>
              {a.struck ? (
                <del>
                  Bilaga {a.number}: {a.title}
                </del>
              ) : (
                <>
                  Bilaga {a.number}: {a.title}
                </>
              )}{' '}
              <small className="hint">
                ({a.filename}, {size(a.size)})
              </small>
              {a.struck && <span className="badge">struken</span>}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setOpenError(null);
                  open(a).catch((e: Error) => setOpenError(e.message));
                }}
              >
                Öppna<span className="sr-only"> bilaga {a.number}</span>
              </button>
              {!a.struck && props.strikeIn && (
                <Strike paragraphId={props.strikeIn} entryId={a.sha256} what={`bilaga ${a.number}`} />
              )}
            </li>
          ))}
        </ul>
      )}
      {openError && <p className="refusal">{openError}</p>}
      <div className="grid2">
        <Field label="Fil" id={`${idPrefix}-file`}>
          <input
            id={`${idPrefix}-file`}
            ref={fileRef}
            type="file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <Field
          label="Rubrik i protokollet"
          id={`${idPrefix}-title`}
          hint="t.ex. Reservation (S) eller Tjänsteskrivelse"
        >
          <input id={`${idPrefix}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
      </div>
    </Step>
  );
}
