import type { BodyDetails } from '@app/domain';
import type { User } from '../auth/users.js';
import { newCommandContext } from '../commands/command-context.js';
import type { Bodies } from './bodies.service.js';

/**
 * The example bodies of a development first start: kommunfullmäktige, kommunstyrelsen and its
 * arbetsutskott (AU → KS → KF), each with a small roster, so a new clerk can schedule at once.
 * The names are invented (KS-AU's are the §65 scenario's).
 */
const MANDATE = { mandatePeriod: '2023-2026', from: '2023-01-01', reason: 'val' } as const;

type Seat = [
  memberId: string,
  name: string,
  party: string,
  role: 'ledamot' | 'ersattare',
  office?: 'ordforande' | 'vice_ordforande',
];

export const EXAMPLE_BODIES: readonly { details: BodyDetails; seats: Seat[] }[] = [
  {
    details: {
      bodyId: 'kf',
      name: 'Kommunfullmäktige',
      shortName: 'KF',
      kind: 'fullmaktige',
      preparesFor: null,
      numberingFormat: '§ {number}',
      defaultHouseStyle: 'default-sv',
    },
    seats: [
      ['kf-lund', 'Birgitta Lund', 'S', 'ledamot', 'ordforande'],
      ['kf-holm', 'Anders Holm', 'M', 'ledamot', 'vice_ordforande'],
      ['kf-strand', 'Helena Strand', 'M', 'ledamot'],
      ['kf-beronius', 'Robert Beronius', 'L', 'ledamot'],
      ['kf-akesson', 'Marie Åkesson', 'S', 'ledamot'],
      ['kf-ek', 'Sara Ek', 'V', 'ledamot'],
      ['kf-nyberg', 'Karl Nyberg', 'SD', 'ledamot'],
      ['kf-ers-sjo', 'Eva Sjö', 'S', 'ersattare'],
      ['kf-ers-berg', 'Olle Berg', 'M', 'ersattare'],
    ],
  },
  {
    details: {
      bodyId: 'ks',
      name: 'Kommunstyrelsen',
      shortName: 'KS',
      kind: 'styrelse',
      preparesFor: 'kf',
      numberingFormat: '§ {number}',
      defaultHouseStyle: 'default-sv',
    },
    seats: [
      ['ksau-ordf', 'Helena Strand', 'M', 'ledamot', 'ordforande'],
      ['ksau-akesson', 'Marie Åkesson', 'S', 'ledamot', 'vice_ordforande'],
      ['ksau-beronius', 'Robert Beronius', 'L', 'ledamot'],
      ['ksau-lindberg', 'Jonas Lindberg', 'C', 'ledamot'],
      ['ksau-farah', 'Amina Farah', 'S', 'ledamot'],
      ['ks-ers-nord', 'Lina Nord', 'S', 'ersattare'],
      ['ks-ers-berg', 'Olle Berg', 'M', 'ersattare'],
    ],
  },
  {
    details: {
      bodyId: 'ks-au',
      name: 'Kommunstyrelsens arbetsutskott',
      shortName: 'KSAU',
      kind: 'utskott',
      preparesFor: 'ks',
      numberingFormat: '§ {number}',
      defaultHouseStyle: 'default-sv',
    },
    seats: [
      ['ksau-ordf', 'Helena Strand', 'M', 'ledamot', 'ordforande'],
      ['ksau-beronius', 'Robert Beronius', 'L', 'ledamot'],
      ['ksau-lindberg', 'Jonas Lindberg', 'C', 'ledamot'],
      ['ksau-akesson', 'Marie Åkesson', 'S', 'ledamot', 'vice_ordforande'],
      ['ksau-farah', 'Amina Farah', 'S', 'ledamot'],
      ['ksau-ers-berg', 'Olle Berg', 'M', 'ersattare'],
      ['ksau-ers-nord', 'Lina Nord', 'S', 'ersattare'],
    ],
  },
];

const FIRST_START: User = {
  id: 'first-start',
  name: 'Första start (utveckling)',
  role: 'admin',
  roles: ['admin'],
};

/** Registers the example bodies when the register is empty; says what it did. */
export async function seedExampleBodies(bodies: Bodies, print: (line: string) => void): Promise<boolean> {
  if ((await bodies.register()).bodies.size > 0) return false;
  const ctx = () => newCommandContext({ user: FIRST_START, requestId: 'first-start' });
  for (const { details, seats } of EXAMPLE_BODIES) {
    await bodies.registerBody(details, ctx());
    const order = { n: 0 };
    for (const [memberId, name, party, role, office] of seats) {
      const c = ctx();
      await bodies.rosterCommand(
        details.bodyId,
        {
          type: 'StartMembership',
          data: {
            bodyId: details.bodyId,
            membershipId: `${details.bodyId}:${memberId}:2023`,
            memberId,
            name,
            party,
            role,
            ...(role === 'ersattare' ? { substituteOrder: ++order.n } : {}),
            ...(office ? { office } : {}),
            ...MANDATE,
            at: c.recordedAt,
          },
        },
        c,
      );
    }
  }
  print(
    `Created example bodies ${EXAMPLE_BODIES.map((b) => b.details.bodyId).join(', ')} with small rosters ` +
      '(mandatperiod 2023-2026); an admin adds more at #/bodies or POST /bodies.',
  );
  return true;
}
