import type { buildStyle } from '../../house-style/draft';

/** The preview beside the editor, and (administrators) adopting the draft. */
export function StylePreview(props: {
  format: 'html' | 'text';
  setFormat: (format: 'html' | 'text') => void;
  status: string;
  preview: { format: 'html' | 'text'; document: string } | null;
  isAdmin: boolean;
  adopt: () => Promise<void>;
  adopting: boolean;
  built: ReturnType<typeof buildStyle> | null;
  problemCount: number;
  target: string;
  changed: boolean;
  adopted: number | null;
  adoptError: string | null;
}) {
  const {
    format,
    setFormat,
    status,
    preview,
    isAdmin,
    adopt,
    adopting,
    built,
    problemCount,
    target,
    changed,
    adopted,
    adoptError,
  } = props;
  return (
    <aside className="style-preview card" aria-labelledby="style-preview-h">
      <h2 id="style-preview-h">Förhandsvisning</h2>
      <fieldset className="inline">
        <legend>Visa som</legend>
        <label>
          <input
            type="radio"
            name="style-format"
            checked={format === 'html'}
            onChange={() => setFormat('html')}
          />{' '}
          Dokument
        </label>
        <label>
          <input
            type="radio"
            name="style-format"
            checked={format === 'text'}
            onChange={() => setFormat('text')}
          />{' '}
          Ren text
        </label>
      </fieldset>
      <p role="status" aria-live="polite" className="style-status" data-testid="style-status">
        {status}
      </p>
      {preview?.format === 'html' && (
        <iframe
          className="style-preview-frame"
          title="Provparagrafen skriven med utkastet"
          sandbox=""
          srcDoc={preview.document}
          data-testid="style-preview"
        />
      )}
      {preview?.format === 'text' && (
        <pre className="style-preview-text" data-testid="style-preview-text">
          {preview.document}
        </pre>
      )}
      <div className="adopt">
        {isAdmin ? (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void adopt()}
              disabled={adopting || !built?.style || problemCount > 0}
              aria-describedby="style-adopt-hint"
            >
              {adopting ? 'Antar …' : 'Anta husstilen'}
            </button>
            <small id="style-adopt-hint" className="hint">
              {problemCount > 0
                ? 'Rätta felen i utkastet först.'
                : `Antas för organet ${target} och gäller från och med nu.${changed ? '' : ' Utkastet är oförändrat.'}`}
            </small>
            {adopted !== null && (
              <p className="adopted" data-testid="style-adopted">
                Antagen som version {adopted}.
              </p>
            )}
            {adoptError && <p className="refusal">{adoptError}</p>}
          </>
        ) : (
          <p className="hint">Bara en administratör kan anta en husstil.</p>
        )}
      </div>
    </aside>
  );
}
