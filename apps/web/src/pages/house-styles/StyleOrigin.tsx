import { type Source, type Version, when } from './model';

/** Where the draft comes from, and the versions the body has adopted. */
export function StyleOrigin(props: {
  source: Source | null;
  bodyId: string;
  versions: { bodyId: string; list: Version[] } | null;
}) {
  const { source, bodyId, versions } = props;
  return (
    <>
      {source && (
        <p data-testid="style-source">
          {source.kind === 'body'
            ? source.version === 0
              ? `Utkastet utgår från organets ${source.bodyId} husstil i kraft: den levererade standardstilen (version 0).`
              : `Utkastet utgår från organets ${source.bodyId} husstil version ${source.version} (${source.name}).`
            : `Utkastet utgår från den levererade husstilen ${source.name}. Den antas för organet ${bodyId}.`}
        </p>
      )}
      {versions && <h3 id="style-versions-h">Versioner för organet {versions.bodyId}</h3>}
      {!versions ? null : versions.list.length === 0 ? (
        <p>Inga antagna versioner; den levererade standardstilen gäller (version 0).</p>
      ) : (
        <ol className="versions" aria-labelledby="style-versions-h" data-testid="style-versions" reversed>
          {[...versions.list].reverse().map((v) => (
            <li key={v.version} value={v.version}>
              Version {v.version}: {v.name}
              {v.adoptedAt && <>, antagen {when(v.adoptedAt)}</>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
