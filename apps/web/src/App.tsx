import { LiveRegions } from './announce';
import { useConnectionWatch, useOutbox, useRoute } from './hooks';
import { outbox } from './outbox';
import { may, signOut, useMe, type Me } from './me';
import { AfterPage } from './pages/After';
import { BodiesPage } from './pages/Bodies';
import { HouseStylesPage } from './pages/HouseStyles';
import { LivePage } from './pages/Live';
import { MeetingsPage } from './pages/Meetings';
import { PreparePage } from './pages/Prepare';
import { PublicPage } from './pages/Public';
import { SignIn } from './pages/SignIn';

/** Online/offline and the queue, always visible at the top: the clerk must know at once. */
function ConnectionBanner() {
  const { online, pending, rejected } = useOutbox();
  return (
    // Not a live region itself: changes are announced once, politely (useConnectionWatch).
    <div className={`connection ${online ? 'up' : 'down'}`} data-testid="connection">
      <span className="dot" aria-hidden="true" />
      {online ? 'Ansluten' : 'Ingen anslutning'}
      {pending.length > 0 && (
        <span data-testid="queue-count">
          {' '}
          · {pending.length} {pending.length === 1 ? 'post' : 'poster'} i kö
        </span>
      )}
      {rejected.length > 0 && <span> · {rejected.length} avvisade</span>}
    </div>
  );
}

function Queue() {
  const { pending, rejected } = useOutbox();
  if (!pending.length && !rejected.length) return null;
  return (
    <section className="queue" aria-label="Kö">
      {pending.length > 0 && (
        <>
          <h2>Väntar på att skickas</h2>
          <ol data-testid="queue">
            {pending.map((e) => (
              <li key={e.key}>{e.label}</li>
            ))}
          </ol>
        </>
      )}
      {rejected.length > 0 && (
        <>
          <h2>Avvisade när kön skickades</h2>
          <ul>
            {rejected.map((r) => (
              <li key={r.entry.key} className="refusal">
                {r.entry.label}: {r.detail}{' '}
                <button type="button" onClick={() => outbox.dismissRejected(r.entry.key)}>
                  Kvittera
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Who is signed in and what they may do: name, roles and the bodies they may record for. */
function Person({ me }: { me: Me }) {
  const bodies = me.bodies === null ? 'alla organ' : me.bodies.length ? me.bodies.join(', ') : 'inget organ';
  return (
    <span
      className="person"
      data-testid="person"
      title={me.signedInWith === 'development' ? 'Utvecklingsanvändare' : undefined}
    >
      <strong>{me.name}</strong> · {me.roleNames.join(', ')}
      {may(me, 'record') && <> · får registrera för: {bodies}</>}
    </span>
  );
}

export function App() {
  useConnectionWatch();
  const route = useRoute();
  const [page, id, sub] = route;
  const me = useMe();
  const signedIn = Boolean(me);
  // The house-style page: administrators adopt; clerks may preview a draft.
  const mayEditStyles = may(me, 'administer') || may(me, 'record');
  // The public view needs no sign-in (the protocol is a public record); everything else does.
  let content;
  if (page === 'public') content = <PublicPage key={id} meetingId={id} />;
  else if (me === undefined) content = <p role="status">Hämtar …</p>;
  else if (!signedIn) content = <SignIn />;
  else if (page === 'prepare' && id) content = <PreparePage key={id} meetingId={id} />;
  else if (page === 'live' && id) content = <LivePage key={id} meetingId={id} paragraphId={sub} />;
  else if (page === 'after' && id) content = <AfterPage key={id} meetingId={id} />;
  else if (page === 'styles') content = <HouseStylesPage />;
  else if (page === 'bodies') content = <BodiesPage />;
  else content = <MeetingsPage />;
  return (
    <>
      <LiveRegions />
      <a className="skip" href="#main">
        Hoppa till innehållet
      </a>
      <header className="top">
        <a className="brand" href="#/">
          Paragraf
        </a>
        <nav aria-label="Huvudmeny">
          {signedIn && page !== 'public' && <a href="#/">Sammanträden</a>}
          {signedIn && page !== 'public' && (
            <a href="#/bodies" aria-current={page === 'bodies' ? 'page' : undefined}>
              Organ
            </a>
          )}
          {signedIn && page !== 'public' && mayEditStyles && (
            <a href="#/styles" aria-current={page === 'styles' ? 'page' : undefined}>
              Husstil
            </a>
          )}
          {signedIn && id && page !== 'public' && (
            <>
              <a href={`#/prepare/${id}`} aria-current={page === 'prepare' ? 'page' : undefined}>
                Förbered
              </a>
              <a href={`#/live/${id}`} aria-current={page === 'live' ? 'page' : undefined}>
                Sammanträdet
              </a>
              <a href={`#/after/${id}`} aria-current={page === 'after' ? 'page' : undefined}>
                Efter mötet
              </a>
              <a href={`#/public/${id}`}>Publik vy</a>
            </>
          )}
        </nav>
        <ConnectionBanner />
        {me && page !== 'public' && <Person me={me} />}
        {signedIn && page !== 'public' && (
          <button type="button" className="link" onClick={() => void signOut()}>
            Logga ut
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {content}
        <Queue />
      </main>
    </>
  );
}
