import { memberLabel, type MemberRef } from '../api';
import { parties } from './ActorPicker';

export type VoteValue = 'ja' | 'nej' | 'avstar';
const SV: Record<VoteValue, string> = { ja: 'Ja', nej: 'Nej', avstar: 'Avstår' };

/**
 * The upprop as touch-sized buttons: "alla ja" / "alla nej" and per party first, then the
 * exceptions member by member (an 11-member roll call with three exceptions is five taps).
 */
export function RollCall(props: {
  voters: MemberRef[];
  chairId: string | undefined;
  votes: Record<string, VoteValue>;
  setVotes: (v: Record<string, VoteValue>) => void;
}) {
  const { voters, votes, setVotes } = props;
  const tally = { ja: 0, nej: 0, avstar: 0 };
  for (const v of Object.values(votes)) tally[v]++;
  const all = (v: VoteValue, who: MemberRef[]) =>
    setVotes({ ...votes, ...Object.fromEntries(who.map((m) => [m.memberId, v])) });
  return (
    <div className="roll-call" id="vote-grid" tabIndex={-1}>
      <div className="bulk" role="group" aria-label="Alla eller ett parti på en gång">
        <button type="button" onClick={() => all('ja', voters)}>
          Alla ja
        </button>
        <button type="button" onClick={() => all('nej', voters)}>
          Alla nej
        </button>
        {parties(voters).map((party) => {
          const who = voters.filter((m) => m.party === party);
          return (
            <span key={party} className="party">
              <button type="button" onClick={() => all('ja', who)} aria-label={`Alla i ${party} ja`}>
                {party} ja
              </button>
              <button type="button" onClick={() => all('nej', who)} aria-label={`Alla i ${party} nej`}>
                {party} nej
              </button>
            </span>
          );
        })}
        <button type="button" className="link" onClick={() => setVotes({})}>
          Rensa
        </button>
      </div>
      <table className="vote-grid" data-testid="vote-grid">
        <caption className="sr-only">Upprop: ja, nej eller avstår för varje tjänstgörande ledamot</caption>
        <thead>
          <tr>
            <th scope="col">Ledamot</th>
            <th scope="col">Röst</th>
          </tr>
        </thead>
        <tbody>
          {voters.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">
                {memberLabel(m)}
                {m.memberId === props.chairId ? ' – ordförande' : ''}
              </th>
              <td className="vote-buttons">
                {(['ja', 'nej', 'avstar'] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    className={votes[m.memberId] === v ? `pressed ${v}` : undefined}
                    aria-pressed={votes[m.memberId] === v}
                    aria-label={`${m.name} ${v === 'avstar' ? 'avstår' : v}`}
                    onClick={() => setVotes({ ...votes, [m.memberId]: v })}
                  >
                    {SV[v]}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tally" data-testid="tally">
        Ja {tally.ja} · Nej {tally.nej} · Avstår {tally.avstar} · Ej röstat{' '}
        {voters.length - Object.keys(votes).length}
      </p>
    </div>
  );
}
