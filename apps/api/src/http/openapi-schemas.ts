import type { SchemaObject } from '@nestjs/swagger';

/**
 * The response bodies the API answers, as named OpenAPI schemas (docs/adr/0042). Request bodies
 * come from the DTO classes (class-validator and OpenAPI from one decorator); answers are built
 * by the libraries' views, so they are described here, once, and referenced by name from the
 * routes' decorators (`Returns`, `ReadDocs`). A test lints the document and compiles a client
 * generated from it, so a name that is not here fails CI.
 */
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const bool: SchemaObject = { type: 'boolean' };
const date: SchemaObject = { type: 'string', format: 'date' };
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
/** Positions and revisions beyond 2^53 travel as decimal strings. */
const bigintString: SchemaObject = { type: 'string', pattern: '^\\d+$' };
const nullable = (s: SchemaObject): SchemaObject =>
  '$ref' in s ? { type: 'object', allOf: [s], nullable: true } : { ...s, nullable: true };
const list = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;
/** An object whose listed properties are all present; `open` lets the view carry more. */
const obj = (properties: Record<string, SchemaObject>, open = false): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...(open ? { additionalProperties: true } : {}),
});
const optionalObj = (
  properties: Record<string, SchemaObject>,
  optional: Record<string, SchemaObject>,
  open = false,
): SchemaObject => ({
  type: 'object',
  properties: { ...properties, ...optional },
  required: Object.keys(properties),
  ...(open ? { additionalProperties: true } : {}),
});

const memberRef = obj({ id: str, name: str, party: nullable(str) }, true);

export const RESPONSE_SCHEMAS = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details; `title` and `detail` are Swedish where a clerk reads them.',
    properties: {
      type: { type: 'string', format: 'uri' },
      title: str,
      status: int,
      detail: str,
      instance: str,
      code: { ...str, description: 'stable machine-readable code (a rule code, or the API’s own)' },
      errors: list(obj({ field: str, message: str })),
      currentRevision: nullable({ ...int, description: 'the stream’s revision now (409)' }),
    },
    required: ['type', 'title', 'status'],
    additionalProperties: true,
  },
  CommandWarning: obj({ code: str, message: str }, true),
  WriteResult: {
    type: 'object',
    description:
      'The stream’s new revision (also the ETag), the ids of what the write created, and warnings.',
    properties: {
      revision: int,
      warnings: { ...list(ref('CommandWarning')), description: 'procedure rules worth a second look' },
    },
    required: ['revision'],
    additionalProperties: { oneOf: [str, int, list(ref('CommandWarning'))] },
  },
  MemberRef: memberRef,
  Body: obj({ id: str, name: str }, true),
  MeetingView: {
    ...obj(
      {
        meetingId: uuid,
        body: ref('Body'),
        date,
        startTime: str,
        place: str,
        chair: nullable(ref('MemberRef')),
        secretary: obj({ name: str }, true),
        members: list(ref('MemberRef')),
        attendance: list(obj({ effectiveFrom: str, present: list(ref('MemberRef')) }, true)),
        adjusters: list(ref('MemberRef')),
        justeringAt: nullable(str),
        justeringPlace: nullable(str),
        openedAt: nullable(str),
        closedAt: nullable(str),
        justified: nullable(obj({ by: list(ref('MemberRef')), at: str })),
        announced: nullable({ type: 'object', additionalProperties: true }),
        version: int,
      },
      true,
    ),
    description: 'A meeting as the renderer reads it (libs/protocol MeetingView).',
  },
  ParagraphView: {
    ...obj(
      {
        paragraphId: uuid,
        meetingId: uuid,
        body: ref('Body'),
        year: int,
        number: int,
        caseNumber: str,
        title: str,
        summary: list(str),
        basisDocuments: list(str),
        proposal: { type: 'object', additionalProperties: true },
        recusals: list(obj({ member: ref('MemberRef'), reason: nullable(str) })),
        motions: list(obj({ motionId: str, proposer: ref('MemberRef'), text: nullable(str) }, true)),
        status: str,
      },
      true,
    ),
    description: 'A paragraph (§) as the renderer reads it (libs/protocol ParagraphView).',
  },
  ParagraphSummary: obj({
    paragraphId: uuid,
    number: int,
    caseNumber: nullable(str),
    title: nullable(str),
    status: nullable(str),
  }),
  MeetingWithParagraphs: obj({
    revision: int,
    meeting: ref('MeetingView'),
    paragraphs: list(ref('ParagraphSummary')),
  }),
  ParagraphState: obj({ revision: int, paragraph: ref('ParagraphView') }),
  ExtractJson: obj({
    paragraphId: uuid,
    text: str,
    paragraph: ref('ParagraphView'),
    meeting: ref('MeetingView'),
  }),
  ProtocolSummary: obj({
    meetingId: uuid,
    body: ref('Body'),
    date,
    startTime: str,
    place: str,
    present: list(ref('MemberRef')),
    servingSubstitutes: list(obj({ substitute: ref('MemberRef'), forMember: ref('MemberRef') })),
    adjusters: list(ref('MemberRef')),
    justified: nullable(obj({ by: list(ref('MemberRef')), at: str })),
    announced: nullable({ type: 'object', additionalProperties: true }),
    paragraphs: list(ref('ParagraphSummary')),
  }),
  ProtocolAsOf: {
    ...obj(
      { meeting: ref('MeetingView'), paragraphs: list(ref('ParagraphView')), lastPosition: nullable(str) },
      true,
    ),
    description: 'The protocol as it stood at a point in the history.',
  },
  MeetingList: obj({
    items: list(
      obj({
        meetingId: uuid,
        body: ref('Body'),
        date,
        startTime: str,
        place: str,
        paragraphs: int,
        justified: bool,
        announced: bool,
      }),
    ),
  }),
  RegisterEntry: obj({
    paragraphId: uuid,
    meetingId: uuid,
    bodyId: str,
    bodyName: str,
    meetingDate: date,
    year: int,
    number: int,
    caseNumber: str,
    title: str,
    decisionKind: str,
    decision: str,
    justifiedAt: nullable(str),
    announcedOn: nullable(date),
    appealEndsOn: nullable(date),
    pendingRecipients: list(str),
    status: {
      type: 'string',
      enum: ['decided', 'justified', 'announced', 'appeal_period_over', 'dispatched'],
    },
    statusText: str,
  }),
  Register: obj({ count: int, entries: list(ref('RegisterEntry')) }),
  Tally: obj({
    motions: int,
    motionsAdopted: int,
    votes: obj({ ja: int, nej: int, avstar: int }),
    reservations: int,
    recusals: int,
  }),
  Statistics: {
    type: 'object',
    description: 'Tallies per member and per party (each a Tally with its member or party).',
    properties: {
      members: list({ allOf: [ref('Tally'), obj({ memberId: str, name: str, party: str })] }),
      parties: list({ allOf: [ref('Tally'), obj({ party: str })] }),
    },
    additionalProperties: true,
  },
  Worklist: {
    ...obj(
      {
        today: date,
        week: obj({ monday: date, sunday: date }),
        notJustified: list({ type: 'object', additionalProperties: true }),
      },
      true,
    ),
    description: "The clerk's worklist.",
  },
  AuditEvent: obj({
    position: bigintString,
    streamId: str,
    revision: bigintString,
    id: str,
    type: str,
    created: dateTime,
    data: { type: 'object', additionalProperties: true },
    metadata: { type: 'object', additionalProperties: true },
  }),
  StreamEvents: obj({ streamId: str, events: list(ref('AuditEvent')) }),
  ChangesPage: obj({ events: list(ref('AuditEvent')), nextFrom: nullable(bigintString) }),
  IntegrityReport: {
    type: 'object',
    properties: {
      breaks: list(obj({ streamId: str, revision: nullable(str), kind: str }, true)),
      breaksOmitted: int,
      breaksOutsideScope: int,
    },
    required: ['breaks'],
    additionalProperties: true,
  },
  HouseStyle: {
    type: 'object',
    description: 'A house style document (docs/adr/0018): templates and settings.',
    properties: { id: str, name: str },
    additionalProperties: true,
  },
  HouseStyleCatalogue: obj({
    templates: { type: 'object', additionalProperties: true },
    lineTemplates: { type: 'object', additionalProperties: true },
    sections: list(str),
    filters: list(str),
    shipped: list(obj({ id: str, name: str })),
    default: str,
  }),
  HouseStyleVersion: obj(
    { bodyId: str, version: int, adoptedAt: nullable(str), style: ref('HouseStyle') },
    true,
  ),
  HouseStyleVersions: obj({
    bodyId: str,
    versions: list(obj({ version: int, adoptedAt: str, name: str })),
  }),
  HouseStyleAdopted: obj({ revision: int, version: int }),
  HouseStylePreview: obj({ format: { type: 'string', enum: ['html', 'text', 'markdown'] }, document: str }),
  StoredBlob: obj({ sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, size: int, mediaType: str }, true),
  JusteringStatus: obj({
    meetingId: uuid,
    revision: int,
    requested: bool,
    complete: bool,
    required: list(ref('MemberRef')),
    signatures: list({ type: 'object', additionalProperties: true }),
    missing: list(ref('MemberRef')),
  }),
  VerificationAnswer: optionalObj(
    {
      valid: bool,
      code: str,
      paragraph: obj({ paragraphId: uuid, number: int, year: int, title: str, body: str }),
      documentSha256: str,
      certified: obj({ at: str, by: {} }),
      justified: nullable(obj({ at: str, by: {} })),
      correctedAfterwards: list(obj({ field: str, why: str, from: str, to: str })),
      seal: obj({ upTo: str, root: str, found: bool }),
    },
    { matches: { ...bool, description: 'with a document: does its text give the recorded hash?' } },
  ),
  Me: optionalObj(
    { id: str, name: str, role: str, permissions: list(str) },
    { bodies: { ...list(str), description: 'the bodies the user is limited to, when limited' } },
  ),
  // Bodies, rosters and forwarding (docs/adr/0036, 0037).
  BodyDetails: {
    ...optionalObj(
      { bodyId: str, name: str, shortName: str, kind: str, numberingFormat: str },
      {
        immediateJusteringByDefault: {
          ...bool,
          description: 'the live screen offers omedelbar justering ticked (absent: false)',
        },
      },
      true,
    ),
    description:
      'A registered body: names as printed, kind, the body it prepares for, numbering, justering default.',
  },
  BodyList: obj({ bodies: list(ref('BodyDetails')) }),
  Membership: obj(
    { membershipId: str, memberId: str, name: str, party: nullable(str), role: str, from: date },
    true,
  ),
  BodyWithRoster: {
    allOf: [ref('BodyDetails'), obj({ rosterRevision: int, memberships: list(ref('Membership')) })],
  },
  Roster: obj({
    bodyId: str,
    date,
    rosterRevision: int,
    chair: nullable(str),
    memberships: list(ref('Membership')),
    members: list(obj({ memberId: str, name: str, party: nullable(str), role: str })),
  }),
  IncomingMatters: obj({
    bodyId: str,
    matters: list({ type: 'object', additionalProperties: true }),
  }),
  // Signing in (docs/adr/0039) and tokens (docs/adr/0040).
  AuthStatus: optionalObj(
    { provider: { type: 'string', enum: ['oidc', 'development'] } },
    {
      developmentUsers: list(obj({ id: str, name: str, roleNames: list(str), bodies: nullable(list(str)) })),
    },
  ),
  SignedOut: obj({ signedOut: bool, redirect: str }),
  UserList: obj({
    users: list(
      optionalObj(
        { id: str, name: str, roles: list(str), roleNames: list(str), bodies: nullable(list(str)) },
        { memberId: str },
      ),
    ),
  }),
  TokenInfo: obj({ tokenId: str, userId: str, label: str, createdAt: dateTime, expiresAt: dateTime }, true),
  TokenList: obj({ tokens: list(ref('TokenInfo')) }),
  IssuedToken: {
    allOf: [ref('TokenInfo'), obj({ token: { ...str, description: 'shown only in this answer' } })],
  },
  Health: {
    type: 'object',
    description: 'Terminus health report.',
    properties: {
      status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] },
      info: { type: 'object', additionalProperties: true },
      error: { type: 'object', additionalProperties: true },
      details: { type: 'object', additionalProperties: true },
    },
    required: ['status'],
  },
} satisfies Record<string, SchemaObject>;

export type SchemaName = keyof typeof RESPONSE_SCHEMAS;
export { ref as schemaRef };
