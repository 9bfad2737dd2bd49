import { useState } from 'react';
import { memberLabel, newId, type MemberRef } from '../api';
import { Field, MemberSelect, submit } from '../ui';
import { SPEAKER_FIELDS } from '../live/fields';
import { Step, Strike } from './Step';
import type { ParagraphView, SpeakerView } from './types';

const speakerName = (s: SpeakerView): string =>
  s.member
    ? memberLabel(s.member)
    : s.person
      ? `${s.person.name}${s.person.title ? `, ${s.person.title}` : ''}`
      : '';

/**
 * Talarlista: who speaks during överläggningen, in order, kept live. A member is chosen from
 * those present; anyone else (an official answering a question) by name and title.
 */
export function SpeakersStep(props: { p: ParagraphView; present: readonly MemberRef[] }) {
  const { p } = props;
  const [who, setWho] = useState<'member' | 'person'>('member');
  const [memberId, setMemberId] = useState('');
  const [person, setPerson] = useState({ name: '', title: '' });
  const speakers = p.speakers ?? [];
  return (
    <Step
      testId="step-speakers"
      fields={SPEAKER_FIELDS}
      title="Talarlista"
      button="Lägg till talare"
      onSubmit={async () => {
        if (who === 'member' && !memberId) throw new Error('Välj vem som talar.');
        if (who === 'person' && !person.name.trim()) throw new Error('Skriv namnet på den som talar.');
        const msg = await submit(
          `/paragraphs/${p.paragraphId}/speakers`,
          {
            speakerId: newId(),
            ...(who === 'member'
              ? { memberId }
              : {
                  person: {
                    name: person.name.trim(),
                    ...(person.title.trim() ? { title: person.title.trim() } : {}),
                  },
                }),
          },
          'Talare',
        );
        setMemberId('');
        setPerson({ name: '', title: '' });
        return msg;
      }}
    >
      {speakers.length > 0 && (
        <ol className="speakers" data-testid="speakers" aria-label="Talare i ordning">
          {speakers.map((s) => (
            <li key={s.speakerId} className={s.struck ? 'struck' : undefined}>
              {s.struck ? <del>{speakerName(s)}</del> : speakerName(s)}
              {s.struck && <span className="badge">struken</span>}
              {!s.struck && p.status !== 'justified' && (
                <>
                  {' '}
                  <Strike
                    paragraphId={p.paragraphId}
                    entryId={s.speakerId}
                    what={`talare ${speakerName(s)}`}
                  />
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="inline">
        <label className="radio">
          <input type="radio" name="t-who" checked={who === 'member'} onChange={() => setWho('member')} />{' '}
          Ledamot
        </label>
        <label className="radio">
          <input type="radio" name="t-who" checked={who === 'person'} onChange={() => setWho('person')} />{' '}
          Annan person (t.ex. tjänsteperson)
        </label>
      </div>
      {who === 'member' ? (
        <Field label="Talare" id="t-member">
          <MemberSelect id="t-member" value={memberId} onChange={setMemberId} members={[...props.present]} />
        </Field>
      ) : (
        <div className="grid2">
          <Field label="Namn" id="t-person-name">
            <input
              id="t-person-name"
              value={person.name}
              onChange={(e) => setPerson({ ...person, name: e.target.value })}
            />
          </Field>
          <Field label="Titel" id="t-person-title">
            <input
              id="t-person-title"
              value={person.title}
              onChange={(e) => setPerson({ ...person, title: e.target.value })}
            />
          </Field>
        </div>
      )}
    </Step>
  );
}
