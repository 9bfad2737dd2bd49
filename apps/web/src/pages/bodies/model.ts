/** A body as the API answers (docs/adr/0036). */
export interface BodyRow {
  bodyId: string;
  name: string;
  shortName: string;
  kind: string;
  preparesFor: string | null;
  numberingFormat: string;
  defaultHouseStyle: string;
  /** The live screen offers omedelbar justering ticked (docs/adr/0053); absent: false. */
  immediateJusteringByDefault?: boolean;
}

export interface Membership {
  membershipId: string;
  memberId: string;
  name: string;
  party: string;
  role: 'ledamot' | 'ersattare';
  substituteOrder?: number;
  office?: 'ordforande' | 'vice_ordforande';
  mandatePeriod: string;
  from: string;
  lastDay?: string;
  endReason?: string;
  reason?: string;
}

interface LineageStep {
  bodyName: string;
  date: string;
  label: string;
  proposesTo: { body: string; items: string[] };
}

export interface IncomingMatter {
  forwardId: string;
  title: string;
  lineage: LineageStep[];
  at: string;
}

export const KINDS: [string, string][] = [
  ['fullmaktige', 'fullmäktige'],
  ['styrelse', 'styrelse'],
  ['utskott', 'utskott'],
  ['namnd', 'nämnd'],
  ['beredning', 'beredning'],
];

export const OFFICE: Record<string, string> = {
  ordforande: 'ordförande',
  vice_ordforande: 'vice ordförande',
};

export const today = () => new Date().toISOString().slice(0, 10);

/** A name as letters a–z, digits and dashes: the part of a member id made from the name. */
export function nameSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A member id from the body and the name, so the administrator need not invent one. */
export function memberIdFor(bodyId: string, name: string): string {
  return `${bodyId}-${nameSlug(name) || 'ledamot'}`;
}
