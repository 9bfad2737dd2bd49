/**
 * Refusals. Every rule the deciders enforce has a stable code (for the API and for tests) and
 * one Swedish message that names the rule in words a clerk understands. Codes never change
 * meaning; new rules get new codes.
 */

export const ruleMessages = {
  // ─── meeting ──────────────────────────────────────────────────────────────────────
  MEETING_NOT_SCHEDULED: 'Sammanträdet är inte utlyst (kallat). Registrera sammanträdet först.',
  MEETING_ALREADY_SCHEDULED: 'Sammanträdet är redan utlyst och kan inte utlysas en gång till.',
  WRONG_MEETING: 'Uppgiften gäller ett annat sammanträde än det ärendet hör till.',
  DUPLICATE_MEMBER: 'Samma person finns mer än en gång i ledamotsförteckningen.',
  CHAIR_NOT_LEDAMOT: 'Ordföranden ska vara en av organets ledamöter.',
  UNKNOWN_MEMBER: 'Personen är inte ledamot eller ersättare vid detta sammanträde.',
  ATTENDANCE_CONFLICT: 'En person kan inte både vara närvarande och frånvarande.',
  ATTENDANCE_INCOMPLETE: 'Varje ledamot ska antecknas som närvarande eller frånvarande.',
  SUBSTITUTE_NOT_ERSATTARE: 'Bara en närvarande ersättare kan tjänstgöra.',
  SUBSTITUTE_FOR_PRESENT_MEMBER: 'En ersättare tjänstgör bara för en ledamot som är frånvarande.',
  SUBSTITUTE_DUPLICATE:
    'En ledamot kan bara ersättas av en ersättare, och en ersättare tjänstgör bara för en ledamot.',
  ATTENDANCE_NOT_RECORDED: 'Närvaron är inte antecknad. Gör upprop först.',
  QUORUM_NOT_MET:
    'Sammanträdet är inte beslutfört: mer än hälften av ledamöterna ska vara närvarande (tjänstgörande ersättare räknas med).',
  ADJUSTERS_REQUIRED: 'Minst en justerare ska utses.',
  ADJUSTER_NOT_PRESENT: 'Justerare ska vara en närvarande ledamot eller tjänstgörande ersättare.',
  ADJUSTER_IS_CHAIR: 'Ordföranden justerar protokollet som ordförande och kan inte också vara justerare.',
  ADJUSTERS_NOT_APPOINTED: 'Justerare är inte utsedda.',
  MEETING_NOT_OPENED:
    'Sammanträdet är inte öppnat. Det som sker vid sammanträdet registreras först när det har öppnats.',
  MEETING_ALREADY_OPENED: 'Sammanträdet är redan öppnat.',
  MEETING_CLOSED:
    'Sammanträdet är avslutat. Yrkanden, propositioner, voteringar, beslut och reservationer kan inte längre anmälas.',
  MEETING_NOT_CLOSED: 'Protokollet justeras först när sammanträdet är avslutat.',
  JUSTIFIERS_INVALID: 'Justering görs av ordföranden och de utsedda justerarna, alla och bara de.',
  PROTOCOL_ALREADY_JUSTIFIED: 'Protokollet är redan justerat.',
  PROTOCOL_NOT_JUSTIFIED:
    'Protokollet är inte justerat. Justeringen tillkännages på anslagstavlan först efter justering.',
  PROTOCOL_ALREADY_ANNOUNCED: 'Justeringen av protokollet är redan tillkännagiven på anslagstavlan.',
  ANNOUNCEMENT_BEFORE_JUSTERING: 'Tillkännagivandet kan inte ha ett datum före justeringen.',
  INVALID_DATE: 'Datumet ska anges som ÅÅÅÅ-MM-DD och vara ett giltigt datum.',

  // ─── numbering ────────────────────────────────────────────────────────────────────
  INVALID_PARAGRAPH_NUMBER: 'Paragrafnumret ska vara ett positivt heltal.',
  PARAGRAPH_NUMBER_TAKEN:
    'Paragrafnumret är redan använt av organet detta år. Varje § får bara förekomma en gång per år.',
  PARAGRAPH_ALREADY_NUMBERED: 'Ärendet har redan fått ett annat paragrafnummer.',
  PARAGRAPH_NUMBER_NOT_RESERVED: 'Paragrafnumret är inte reserverat för det här ärendet.',
  AGENDA_ORDER_INCOMPLETE:
    'Den nya ordningen ska ta upp alla sammanträdets ärenden, vart och ett en gång. Läs in föredragningslistan igen och försök på nytt.',
  AGENDA_NUMBERS_NOT_PERMUTED:
    'En ny ordning på föredragningslistan flyttar sammanträdets egna paragrafnummer mellan dess ärenden, vart och ett en gång.',

  // ─── justering signed by the people (justering.ts) ─────────────────────────────────
  JUSTERING_NOT_REQUESTED:
    'Protokollet är inte skickat för justering. Nämndsekreteraren skickar det för justering först.',
  JUSTERING_ALREADY_REQUESTED: 'Protokollet är redan skickat för justering.',
  JUSTERING_NOT_A_SIGNER:
    'Justeringen skrivs under av ordföranden och de utsedda justerarna, var och en för sig.',
  JUSTERING_ALREADY_SIGNED: 'Du har redan skrivit under justeringen.',
  JUSTERING_ALREADY_COMPLETE: 'Justeringen är redan fullständig: alla har skrivit under.',
  JUSTERING_DOCUMENT_CHANGED:
    'Protokollet har ändrats sedan du läste det. Läs det igen och skriv under det som nu gäller.',

  // ─── paragraph ────────────────────────────────────────────────────────────────────
  PARAGRAPH_ALREADY_OPENED: 'Ärendet (paragrafen) är redan upprättat.',
  PARAGRAPH_ALREADY_HANDLED:
    'Ärendet har redan behandlats och behåller sitt paragrafnummer. Bara ärenden där inget har registrerats kan flyttas i föredragningslistan.',
  PARAGRAPH_NOT_OPENED: 'Ärendet (paragrafen) är inte upprättat. Inget kan registreras på det.',
  PREVIOUS_PARAGRAPH_NOT_DEFERRED:
    'Ett ärende kan bara hänvisa till en tidigare paragraf som återremitterades eller bordlades av samma organ.',
  PARAGRAPH_JUSTIFIED:
    'Paragrafen är justerad. Därefter får bara rättelse av uppenbara fel, utdragsbestyrkande och expediering registreras.',
  NOT_JUSTIFIED:
    'Paragrafen är inte justerad än. Rättelse, utdragsbestyrkande och expediering görs efter justering.',
  NO_DECISION: 'Ärendet har inget beslut att justera.',
  DUPLICATE_ENTRY_ID: 'Det finns redan en anteckning med samma id i ärendet.',
  TEXT_REQUIRED: 'Texten får inte vara tom.',
  ALREADY_RECUSED: 'Ledamoten har redan anmält jäv i ärendet.',
  MEMBER_RECUSED:
    'Ledamoten har anmält jäv i ärendet och får inte delta i handläggningen (yrka, instämma, rösta eller reservera sig).',
  MEMBER_NOT_ENTITLED:
    'Personen tjänstgör inte i ärendet. Bara närvarande ledamöter och tjänstgörande ersättare får yrka, instämma, rösta och reservera sig.',
  MEMBER_NOT_PRESENT: 'Personen är inte närvarande vid sammanträdet.',
  DECISION_ALREADY_ADOPTED: 'Beslut är redan fattat i ärendet.',
  MOTION_TEXT_REQUIRED: 'Ändrings-, tilläggs- och fria yrkanden ska ha en text.',
  UNKNOWN_MOTION: 'Yrkandet finns inte i ärendet.',
  MOTION_WITHDRAWN: 'Yrkandet är återtaget.',
  ENTRY_STRUCK: 'Anteckningen är struken.',
  OWN_MOTION_SUPPORT: 'Den som har framställt ett yrkande kan inte instämma i det.',
  ALREADY_SUPPORTED: 'Ledamoten har redan instämt i yrkandet.',
  MOTION_ALREADY_PUT: 'Yrkandet har redan ställts under proposition och kan inte återtas.',
  QUESTION_INVALID:
    'Propositionen ska gälla förslaget eller yrkanden i ärendet, var och en en gång, och ordföranden kan bara finna ett ensamt förslag avslaget.',
  FINDING_NOT_PUT: 'Ordföranden kan bara finna bifall till något som ställdes under proposition.',
  UNKNOWN_QUESTION: 'Propositionen finns inte i ärendet.',
  VOTE_NEEDS_ALTERNATIVES: 'Votering kräver minst två förslag att rösta mellan i propositionen.',
  VOTE_ALREADY_REQUESTED: 'Votering är redan begärd om propositionen.',
  UNKNOWN_VOTE: 'Voteringen finns inte i ärendet.',
  VOTE_IN_PROGRESS: 'En votering pågår. Den ska avslutas innan ärendet går vidare.',
  VOTE_PROPOSITION_INVALID:
    'Voteringspropositionen ska ställa två olika förslag ur propositionen mot varandra, och voteringen får inte redan vara avgjord.',
  VOTE_PROPOSITION_NOT_APPROVED: 'Voteringspropositionen ska godkännas innan upprop och röstning.',
  DUPLICATE_VOTE: 'Varje ledamot röstar en gång per votering.',
  VOTE_MISSING:
    'Alla tjänstgörande ledamöter och ersättare ska avge röst (ja, nej eller avstår) vid uppropet.',
  CASTING_VOTE_REQUIRED: 'Röstetalet är lika: ordföranden har utslagsröst och ska avgöra.',
  CASTING_VOTE_NOT_ALLOWED: 'Utslagsröst används bara när röstetalet är lika.',
  CASTING_VOTE_MISMATCH: 'Ordförandens utslagsröst ska vara den röst ordföranden avgav.',
  DECISION_WITHOUT_QUESTION: 'Beslut fattas efter proposition. Ingen proposition har ställts.',
  DECISION_BASIS_MISMATCH: 'Beslutet ska bygga på de propositioner och den votering som ledde fram till det.',
  DECISION_CONTRADICTS_FINDING: 'Beslutet stämmer inte med ordförandens utslag eller voteringens resultat.',
  DECISION_CONTENT_REQUIRED: 'Ett beslut i sak ska ha en beslutstext.',
  UNKNOWN_DECISION: 'Beslutet finns inte i ärendet.',
  MEMBER_DID_NOT_TAKE_PART: 'Bara den som deltog i beslutet får reservera sig mot det.',
  MEMBER_ABSTAINED:
    'Den som avstod från att rösta deltog inte i beslutet och kan därför inte reservera sig mot det.',
  RESERVATION_BY_SUPPORTER:
    'Den som röstade för det förslag som vann i voteringen kan inte reservera sig mot beslutet.',
  ALREADY_RESERVED: 'Ledamoten har redan reserverat sig mot beslutet.',
  UNKNOWN_RESERVATION: 'Reservationen finns inte i ärendet.',
  REASONS_ALREADY_SUBMITTED: 'Skriftlig motivering till reservationen är redan inlämnad.',
  RECIPIENTS_INVALID: 'Ange minst en mottagare, var och en en gång.',
  RECIPIENT_NOT_LISTED:
    'Beslutet kan bara expedieras till en mottagare som står under "Beslutet ska skickas till".',
  ALREADY_DISPATCHED: 'Beslutet är redan expedierat till mottagaren.',
  UNKNOWN_ENTRY: 'Det finns ingen anteckning med detta id i ärendet.',
  ENTRY_IN_USE: 'Anteckningen ligger till grund för en senare anteckning. Stryk den senare först.',
  CORRECTION_REASON_REQUIRED: 'En rättelse ska ange varför (vilket uppenbart fel som rättas).',
  CORRECTION_NO_CHANGE: 'Rättelsen ändrar ingenting.',

  // ─── added with issue 11 (what real protocols record) ──────────────────────────
  DUPLICATE_PERSON: 'Samma person är angiven mer än en gång.',
  GROUP_WITHOUT_MEMBERS:
    'Ingen ledamot ur partigruppen kan anges här: ingen av dem är närvarande, tjänstgör eller deltog i beslutet.',
  ALREADY_NOT_PARTICIPATING: 'Ledamoten har redan anmält att hen inte deltar i beslutet.',
  MEMBER_NOT_PARTICIPATING:
    'Ledamoten har anmält att hen inte deltar i beslutet och kan därför inte rösta i det.',
  REASONS_REQUIRED: 'Ange motiveringen som text eller som bilaga.',
  UNKNOWN_ATTACHMENT: 'Bilagan finns inte. Lägg till dokumentet som bilaga först.',
  ATTACHMENT_ALREADY_ADDED: 'Dokumentet är redan bilaga här.',
  ATTACHMENT_NUMBER_TAKEN: 'Bilagenumret är redan använt.',
  PROPOSITION_ORDER_INVALID:
    'Propositionsordningen ska ha minst ett steg, och varje steg ska gälla förslaget eller yrkanden i ärendet, var och en en gång.',
  // ─── sekretess (docs/adr/0030) ───
  ALREADY_CONFIDENTIAL:
    'Paragrafen är redan markerad med sekretess. Häv markeringen först om bestämmelsen ska ändras.',
  NOT_CONFIDENTIAL: 'Paragrafen är inte markerad med sekretess.',

  // ─── bodies and rosters (issue 15, body.ts) ─────────────────────────────────────────
  BODY_ALREADY_REGISTERED: 'Organet finns redan med detta id.',
  BODY_NOT_REGISTERED:
    'Organet finns inte i förteckningen över organ. En administratör lägger till det först.',
  BODY_PREPARES_FOR_CYCLE:
    'Ett organ kan inte bereda ärenden för sig självt, varken direkt eller genom en kedja av organ.',
  NUMBERING_FORMAT_INVALID:
    'Numreringsformatet ska innehålla {number} och får innehålla {year}, t.ex. "§ {number}" eller "§ {number}/{year}".',
  MEMBERSHIP_ALREADY_STARTED: 'Uppdraget finns redan med detta id.',
  MEMBERSHIP_ENDS_BEFORE_START: 'Ett uppdrag kan inte upphöra innan det har börjat.',
  MANDATE_PERIOD_INVALID: 'Mandatperioden ska anges som ÅÅÅÅ-ÅÅÅÅ, t.ex. 2023-2026.',
  OFFICE_NOT_LEDAMOT:
    'Ordförande och vice ordförande väljs bland ledamöterna (kommunallagen 2017:725). En ersättare kan inte ha uppdraget.',
  SUBSTITUTE_ORDER_INVALID: 'Bara ersättare har en ordning, och den ska vara ett positivt heltal.',
  MEMBERSHIP_OVERLAPS: 'Personen har redan ett uppdrag i organet under samma tid.',
  TWO_CHAIRS:
    'Organet har redan en ordförande under den tiden. Organet har en ordförande åt gången (kommunallagen 2017:725); avsluta det tidigare uppdraget först.',
  UNKNOWN_MEMBERSHIP: 'Uppdraget finns inte i organets förteckning.',
  MEMBERSHIP_ALREADY_ENDED: 'Uppdraget har redan upphört.',

  // ─── forwarding (issue 15, forwarding.ts) ──────────────────────────────────────────
  FORWARD_NO_PROPOSAL:
    'Bara ett beslut som är ett förslag till ett annat organ kan skickas vidare. Paragrafen har inget sådant beslut.',
  FORWARD_TO_SELF: 'Ett ärende kan inte skickas vidare till samma organ som beslutade förslaget.',
  FORWARD_ALREADY_SENT: 'Förslaget är redan skickat vidare till organet.',
  UNKNOWN_FORWARD: 'Det finns inget inkommet ärende med detta id hos organet.',
  FORWARD_ALREADY_TAKEN_UP: 'Det inkomna ärendet har redan tagits upp i en paragraf.',
  FORWARD_WRONG_BODY: 'Ärendet är skickat till ett annat organ än det som håller sammanträdet.',
} as const satisfies Record<string, string>;

export type RuleCode = keyof typeof ruleMessages;
export const ruleCodes = Object.keys(ruleMessages) as RuleCode[];

/**
 * Warnings. Where the chair and the meeting decide the procedure (propositionsordning, who is
 * asked, in which order) Paragraf records what they decided and tells the clerk what looks
 * unusual; it does not refuse. Same conventions as the refusals: stable code, one message.
 */
export const warningMessages = {
  ORDER_OF_TRIAL:
    'Propositionsordningen avviker från den vanliga (återremiss och bordläggning först och var för sig, därefter huvudfrågan, tilläggsyrkanden sist). Den registreras som ordföranden och sammanträdet beslutade.',
  VOTE_TOO_LATE:
    'Votering begärs om en tidigare proposition än den senaste. Den registreras; kontrollera att ordningen stämmer.',
  KONTRAPROPOSITION_REQUIRED:
    'Det finns flera motförslag men ingen kontrapropositionsvotering har utsett motförslaget. Huvudvoteringen registreras som den godkändes.',
  VOTE_PROPOSITION_ORDER:
    'I huvudvoteringen brukar ordförandens förslag vara ja och motförslaget nej. Voteringspropositionen registreras som sammanträdet godkände den.',
  MOTIVATION_REQUIRED:
    'Ett yrkande om återremiss bör motiveras: vad ska utredas vidare? Yrkandet registreras utan motivering.',
  RESERVATION_AFTER_SUPPORT:
    'Ledamoten yrkade på eller instämde i det som vann. Reservationen registreras; kontrollera den.',
  PROPOSAL_AMENDED_AFTER_PUT:
    'Förslaget ändras efter att det har ställts under proposition. Ändringen registreras; kontrollera ordningen.',
  FORWARD_NOT_PREPARED_FOR:
    'Organet bereder ärenden för ett annat organ än mottagaren. Ärendet skickas som angivet; kontrollera mottagaren.',
} as const satisfies Record<string, string>;

export type WarningCode = keyof typeof warningMessages;
export const warningCodes = Object.keys(warningMessages) as WarningCode[];

/** What the clerk is told on an accepted command: recorded, but worth a second look. */
export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function warning(code: WarningCode, details?: Readonly<Record<string, unknown>>): Warning {
  return { code, message: warningMessages[code], ...(details ? { details } : {}) };
}

/** A broken rule: the command is refused and nothing is recorded. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(
    readonly code: RuleCode,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(ruleMessages[code]);
  }
}

export function isRuleViolation(error: unknown): error is RuleViolation {
  return error instanceof RuleViolation;
}

/** Throw the refusal for `code` unless `condition` holds. */
export function ensure(
  condition: unknown,
  code: RuleCode,
  details?: Readonly<Record<string, unknown>>,
): asserts condition {
  if (!condition) throw new RuleViolation(code, details);
}

/** Exhaustiveness guard: a command type no decider knows is a programming error, not a rule. */
export function unknownCommand(command: never): never {
  throw new Error(`Unknown command: ${JSON.stringify((command as { type?: unknown }).type)}`);
}
