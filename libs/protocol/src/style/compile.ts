/**
 * From a house-style document (data) to the HouseStyle the block builder calls: validation
 * with Swedish messages a clerk can act on, then every template parsed once. Rendering a
 * phrase is one synchronous Liquid render with exactly the catalogue's variables.
 */
import type { Template } from 'liquidjs';
import type { HouseStyle } from '../templates/house-style.js';
import {
  headingVariables,
  lineTemplateCatalogue,
  paragraphSectionIds,
  templateCatalogue,
  templateKeys,
  type TemplateKey,
} from './catalogue.js';
import type { HouseStyleDocument, HouseStyleDraft, HouseStyleSettings } from './document.js';
import { createStyleEngine } from './engine.js';

export interface StyleProblem {
  /** Where: `templates.motion.bifall`, `settings.sections[2].section`. */
  readonly path: string;
  /** In Swedish, for the clerk or administrator who wrote the style. */
  readonly message: string;
}

export class HouseStyleInvalidError extends Error {
  constructor(readonly problems: readonly StyleProblem[]) {
    super(`Husstilen är ogiltig: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

const engine = createStyleEngine();

/**
 * Templates added after styles were adopted: a style stored before (an adopted version is the
 * whole document) has no text for them and gets these, the shipped default's wording.
 */
const ADDED_LATER: Partial<Record<TemplateKey, string>> = {
  'protocol.seal':
    'Kontrollsumma (försegling {{ date }}, till och med position {{ upTo }}): {{ rootGrouped }}',
  confidential:
    'Paragrafens övriga innehåll omfattas av sekretess enligt {{ provision }} offentlighets- och sekretesslagen (2009:400) och visas inte här.',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A draft merged over the shipped style it extends (settings key by key, templates one by one;
 * lists such as `sections` are replaced whole), then checked. Throws HouseStyleInvalidError
 * listing every problem found.
 */
export function validateHouseStyle(
  draft: HouseStyleDraft,
  shipped: (id: string) => HouseStyleDocument | undefined,
): HouseStyleDocument {
  const problems: StyleProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  let base: HouseStyleDocument | undefined;
  if (draft.extends !== undefined && draft.extends !== null) {
    base = typeof draft.extends === 'string' ? shipped(draft.extends) : undefined;
    if (!base) problem('extends', `Det finns ingen levererad husstil med id ”${String(draft.extends)}”.`);
  }
  if (typeof draft.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(draft.id)) {
    problem('id', 'Ange ett id med små bokstäver a–z, siffror och bindestreck (högst 63 tecken).');
  }
  if (typeof draft.name !== 'string' || draft.name.trim() === '') problem('name', 'Ange husstilens namn.');
  const locale = draft.locale ?? base?.locale;
  if (typeof locale !== 'string' || !/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) {
    problem('locale', 'Ange språket som en språkkod, t.ex. sv-SE.');
  }
  if (draft.settings !== undefined && !isObject(draft.settings)) problem('settings', 'Ska vara ett objekt.');
  if (draft.templates !== undefined && !isObject(draft.templates))
    problem('templates', 'Ska vara ett objekt.');

  const settings = { ...(base?.settings ?? {}), ...(isObject(draft.settings) ? draft.settings : {}) } as Json;
  const templates = {
    ...(base?.templates ?? {}),
    ...(isObject(draft.templates) ? draft.templates : {}),
  } as Json;

  checkSettings(settings, problem);
  for (const key of Object.keys(templates)) {
    if (!(key in templateCatalogue)) problem(`templates.${key}`, 'Okänd mall. Se katalogen över mallar.');
  }
  for (const key of templateKeys) {
    const source = templates[key] ?? ADDED_LATER[key];
    if (typeof source !== 'string') {
      problem(`templates.${key}`, 'Mallen saknas. Den krävs (eller ange extends: en levererad husstil).');
      continue;
    }
    checkTemplate(source, templateCatalogue[key], `templates.${key}`, problem);
  }
  for (const [name, vars] of Object.entries(lineTemplateCatalogue)) {
    const lines = settings[name];
    if (Array.isArray(lines)) {
      lines.forEach((line, i) => {
        if (typeof line !== 'string') problem(`settings.${name}[${i}]`, 'Ska vara en textrad.');
        else checkTemplate(line, vars, `settings.${name}[${i}]`, problem);
      });
    }
  }
  if (Array.isArray(settings.sections)) {
    settings.sections.forEach((entry: unknown, i) => {
      if (!isObject(entry)) return;
      for (const key of ['heading', 'headingUndecided'] as const) {
        const heading = entry[key];
        if (typeof heading === 'string') {
          checkTemplate(heading, headingVariables, `settings.sections[${i}].${key}`, problem);
        }
      }
    });
  }
  if (problems.length > 0) throw new HouseStyleInvalidError(problems);
  return {
    id: draft.id as string,
    name: (draft.name as string).trim(),
    locale: locale as string,
    ...(typeof draft.extends === 'string' ? { extends: draft.extends } : {}),
    settings: settings as unknown as HouseStyleSettings,
    templates: templates as unknown as Record<TemplateKey, string>,
  };
}

/** Syntax, then variables the template may not use, then a trial render with the samples. */
function checkTemplate(
  source: string,
  vars: Record<string, unknown>,
  path: string,
  problem: (path: string, message: string) => void,
): void {
  let parsed: Template[];
  try {
    parsed = engine.parse(source);
  } catch (error) {
    problem(path, `Fel i mallens syntax: ${firstLine(error)}`);
    return;
  }
  try {
    const unknown = engine.globalVariablesSync(parsed).filter((name) => !(name in vars));
    if (unknown.length > 0) {
      problem(
        path,
        `Okänd variabel ${unknown.map((v) => `”${v}”`).join(', ')}. Mallen kan använda: ${Object.keys(vars).join(', ')}.`,
      );
      return;
    }
    engine.renderSync(parsed, vars);
  } catch (error) {
    problem(path, `Mallen kan inte skrivas ut: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

const requiredText = (v: unknown) => typeof v === 'string';
const textList = (v: unknown, n?: number) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') && (n === undefined || v.length === n);

function checkSettings(s: Json, problem: (path: string, message: string) => void): void {
  const text = (key: string) => {
    if (!requiredText(s[key])) problem(`settings.${key}`, 'Ska vara en text.');
  };
  const object = (key: string, fields: readonly string[]) => {
    const v = s[key];
    if (!isObject(v)) return problem(`settings.${key}`, 'Ska vara ett objekt.');
    for (const f of fields) if (!requiredText(v[f])) problem(`settings.${key}.${f}`, 'Ska vara en text.');
  };
  text('municipality');
  text('pageNumbering');
  text('rollCallMark');
  text('rollCallTotal');
  text('signatureLine');
  text('certificationHeading');
  text('voteHeading');
  object('documentTitles', ['protocol', 'extract', 'votingAppendix']);
  object('roles', ['secretary', 'chair', 'adjuster']);
  object('motionNouns', ['bifall', 'avslag', 'andring', 'tillagg', 'aterremiss', 'bordlaggning', 'fritt']);
  object('protocolHeadings', [
    'dateAndTime',
    'place',
    'deciding',
    'others',
    'absent',
    'secretary',
    'adjusters',
    'justering',
    'paragraphs',
    'signatures',
    'announcement',
  ]);
  if (!isObject(s.correctionFields)) problem('settings.correctionFields', 'Ska vara ett objekt.');
  if (!textList(s.extractHead)) problem('settings.extractHead', 'Ska vara en lista med textrader.');
  if (!textList(s.extractFooter)) problem('settings.extractFooter', 'Ska vara en lista med textrader.');
  if (!textList(s.rollCallColumns, 5)) {
    problem('settings.rollCallColumns', 'Ska vara fem kolumnrubriker: ledamot, parti, ja, nej, avstår.');
  }
  if (s.rollCall !== 'paragraph' && s.rollCall !== 'appendix' && s.rollCall !== 'names') {
    problem(
      'settings.rollCall',
      'Ska vara ”paragraph” (en tabell i paragrafen), ”names” (namnen som meningar i paragrafen) eller ”appendix” (i bilagan).',
    );
  }
  const oneOf = (key: string, values: readonly string[], message: string) => {
    if (s[key] !== undefined && !values.includes(s[key] as string)) problem(`settings.${key}`, message);
  };
  oneOf('voteHeadingBefore', ['rollCall', 'proposition'], 'Ska vara ”rollCall” eller ”proposition”.');
  oneOf(
    'basisDocumentsAs',
    ['bullets', 'lines', 'sentence'],
    'Ska vara ”bullets”, ”lines” eller ”sentence”.',
  );
  oneOf('decisionList', ['numbered', 'bullets'], 'Ska vara ”numbered” eller ”bullets”.');
  if (
    s.voteResultHeading !== undefined &&
    s.voteResultHeading !== null &&
    typeof s.voteResultHeading !== 'string'
  ) {
    problem('settings.voteResultHeading', 'Ska vara en text.');
  }
  if (!Array.isArray(s.sections) || s.sections.length === 0) {
    problem('settings.sections', 'Ange paragrafens avsnitt i ordning.');
    return;
  }
  const known = new Set<string>(paragraphSectionIds);
  const seen = new Set<string>();
  s.sections.forEach((entry: unknown, i) => {
    const path = `settings.sections[${i}]`;
    if (!isObject(entry)) return problem(path, 'Ska vara ett objekt med ”section”.');
    const id = entry.section;
    if (typeof id !== 'string' || !known.has(id)) {
      return problem(`${path}.section`, `Okänt avsnitt. Möjliga: ${paragraphSectionIds.join(', ')}.`);
    }
    if (id !== 'group' && seen.has(id)) problem(`${path}.section`, `Avsnittet ${id} finns redan.`);
    seen.add(id);
    for (const key of ['heading', 'headingUndecided'] as const) {
      if (entry[key] !== undefined && entry[key] !== null && typeof entry[key] !== 'string') {
        problem(`${path}.${key}`, 'Ska vara en text.');
      }
    }
    if (id === 'group') {
      const when = entry.when;
      if (!Array.isArray(when) || when.length === 0 || when.some((w) => !known.has(w) || w === 'group')) {
        problem(`${path}.when`, 'Ange vilka avsnitt som gör att rubriken skrivs ut.');
      }
    }
  });
  if (!seen.has('decision')) problem('settings.sections', 'Avsnittet decision (beslutet) måste finnas med.');
}

/** A validated document as the HouseStyle the block builder calls. */
export function compileHouseStyle(doc: HouseStyleDocument): HouseStyle {
  const parsed = new Map<string, Template[]>();
  for (const key of templateKeys) parsed.set(key, engine.parse(doc.templates[key] ?? ADDED_LATER[key]!));
  const render = (key: TemplateKey, vars: Record<string, unknown>): string =>
    String(engine.renderSync(parsed.get(key)!, vars)).trim();
  const lines = (key: TemplateKey, vars: Record<string, unknown>) =>
    render(key, vars)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
  const headTemplates = doc.settings.extractHead.map((line) => engine.parse(line));
  const headings = new Map<string, Template[]>();
  for (const section of doc.settings.sections) {
    for (const heading of [section.heading, section.headingUndecided]) {
      if (typeof heading === 'string' && !headings.has(heading)) headings.set(heading, engine.parse(heading));
    }
  }
  const s = doc.settings;
  const ph = s.protocolHeadings;

  return {
    id: doc.id,
    name: doc.name,
    locale: doc.locale,
    settings: s,
    extractHead: (vars) =>
      headTemplates.map((t) => String(engine.renderSync(t, vars)).trim()).filter((line) => line.length > 0),
    extractFooter: s.extractFooter,
    sectionHeading: (heading, vars) => {
      const parsed = headings.get(heading);
      return parsed ? String(engine.renderSync(parsed, { ...vars })).trim() : heading;
    },
    paragraphNumber: (p) => render('paragraphNumber', p),
    caseNumber: (dnr) => render('caseNumber', { dnr }),
    previousParagraph: (p) => render('previousParagraph', p),
    earlierReference: (p) => render('earlierReference', p),
    member: (p) => render('member', p),
    basisDocumentsSentence: (p) => render('basisDocumentsSentence', p),
    proposalRef: (p) => render('proposalRef', p),
    matterRef: (p) => render('matterRef', p),
    formalRef: (p) => render('formalRef', p),
    motionRef: ({ proposerGenitive, kind }) =>
      render('motionRef', { proposerGenitive, kind, noun: s.motionNouns[kind] }),
    proposesTo: (p) => render('proposesTo', p),
    recipientDecides: (p) => render('recipientDecides', p),
    ownDecision: (p) => render('ownDecision', p),
    ownDecisionListItem: (item) => render('ownDecisionListItem', { item }),
    referredBack: (p) => render('referredBack', p),
    tabled: (p) => render('tabled', p),
    decidedAsProposed: (p) => render('decidedAsProposed', p),
    recusal: (p) => render('recusal', p),
    nonParticipation: (p) => render('nonParticipation', p),
    speakers: (p) => render('speakers', p),
    proposalSupport: (p) => render('proposalSupport', p),
    proposalAmended: (p) => render('proposalAmended', p),
    propositionOrder: (p) => render('propositionOrder', p),
    participants: (p) => render('participants', p),
    motion: (kind, parts) => render(`motion.${kind}`, { ...parts }),
    supporters: (p) => render('supporters', p),
    withdrawnMotion: (p) => render('withdrawnMotion', p),
    questionSingle: (p) => render('questionSingle', { ...p }),
    questionSeveral: (p) => render('questionSeveral', { ...p }),
    questionFormal: (p) => render('questionFormal', { ...p }),
    voteRequested: (p) => render('voteRequested', p),
    voteProposition: (p) => render('voteProposition', p),
    rollCallColumns: s.rollCallColumns,
    rollCallMark: s.rollCallMark,
    rollCallTotal: s.rollCallTotal,
    voteResult: (p) => render('voteResult', { ...p }),
    rollCallNames: (p) => render('rollCallNames', p),
    votingAppendixCaption: (p) => render('votingAppendixCaption', p),
    reservation: (p) => render('reservation', p),
    protocolNote: (p) => render('protocolNote', p),
    attachment: (p) => render('attachment', p),
    distribution: (p) => lines('distribution', p),
    dispatched: (p) => render('dispatched', p),
    correction: ({ field, from, to, why, by }) => {
      const f = s.correctionFields[field] ?? { name: field, participle: '' };
      return render('correction', { field: f.name, participle: f.participle, from, to, why, by });
    },
    justified: (p) => render('justified', p),
    certified: (p) => render('certified', p),
    confidential: (p) => render('confidential', p),
    registerDecision: (p) => render('register.decision', { ...p }),
    protocol: {
      titles: s.documentTitles,
      headings: ph,
      dateAndTime: (p) => render('protocol.dateAndTime', p),
      chair: (p) => render('protocol.chair', p),
      servingSubstitute: (p) => render('protocol.servingSubstitute', p),
      nonServingSubstitute: (p) => render('protocol.nonServingSubstitute', p),
      other: (p) => render('protocol.other', p),
      attendanceFrom: (p) => render('protocol.attendanceFrom', p),
      justeringTimeAndPlace: (p) => render('protocol.justeringTimeAndPlace', p),
      paragraphRange: ({ numbers }) =>
        render('protocol.paragraphRange', {
          numbers,
          first: numbers[0] ?? null,
          last: numbers[numbers.length - 1] ?? null,
          contiguous: numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1),
        }),
      signatureLine: s.signatureLine,
      roles: s.roles,
      justifiedBy: (p) => render('protocol.justifiedBy', p),
      styleNote: (p) => render('protocol.styleNote', p),
      seal: (p) => render('protocol.seal', p),
      announcement: (p) => lines('protocol.announcement', p),
    },
  };
}
