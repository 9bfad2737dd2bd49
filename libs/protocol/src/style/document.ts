/**
 * A house style as data: settings plus Liquid templates, written and adopted by a municipality
 * without code (docs/adr/0018). This is the shape of a shipped style file
 * (`libs/protocol/styles/*.json`) and of the body of a HouseStyleAdopted event.
 */
import type { MotionKind } from '@app/domain';
import type { ContentSectionId, ParagraphSectionId, TemplateKey } from './catalogue.js';

export interface SectionSetting {
  readonly section: ParagraphSectionId;
  /** The heading printed above the section; none when left out or null. */
  readonly heading?: string | null;
  /** `decision` only: the heading while nothing is decided (the proposal is shown instead). */
  readonly headingUndecided?: string | null;
  /** A sub-heading (one level below the paragraph's section headings). */
  readonly sub?: boolean;
  /** `group` only: the heading is printed when one of these sections has content. */
  readonly when?: readonly ContentSectionId[];
}

export interface HouseStyleSettings {
  /** The municipality's name as printed in the document head (may be empty). */
  readonly municipality: string;
  readonly documentTitles: {
    readonly protocol: string;
    readonly extract: string;
    readonly votingAppendix: string;
  };
  /** Page numbers in paged formats, with {page} and {pages}: "Sida {page} av {pages}". */
  readonly pageNumbering: string;
  /** The extract's head: one Liquid line template per line (see lineTemplateCatalogue). */
  readonly extractHead: readonly string[];
  /** A paragraph's sections, in order, with their headings. */
  readonly sections: readonly SectionSetting[];
  /** The heading above a votering's roll call and result inside the beslutsgång. */
  readonly voteHeading: string;
  /**
   * Where `voteHeading` goes: above the roll call and result (`rollCall`, the default) or
   * already above the approved voteringsproposition (`proposition`).
   */
  readonly voteHeadingBefore?: 'rollCall' | 'proposition';
  /** A heading of its own above the vote's result sentence ("Omröstningsresultat"); none by default. */
  readonly voteResultHeading?: string | null;
  /**
   * Where a votering's names are printed: in the paragraph as a table (`paragraph`), in the
   * paragraph as one sentence per side (`names`, template rollCallNames), or only in the
   * omröstningsbilaga (`appendix`). A votering recorded with its names in the appendix keeps
   * them there whatever the style says.
   */
  readonly rollCall: 'paragraph' | 'appendix' | 'names';
  /**
   * The basis documents as a bulleted list (`bullets`, the default), one per line (`lines`), or
   * as one sentence (`sentence`, template basisDocumentsSentence).
   */
  readonly basisDocumentsAs?: 'bullets' | 'lines' | 'sentence';
  /** The items of a decision or förslag: numbered (the default) or bulleted. */
  readonly decisionList?: 'numbered' | 'bullets';
  readonly rollCallColumns: readonly [string, string, string, string, string];
  readonly rollCallMark: string;
  readonly rollCallTotal: string;
  /** How each kind of yrkande is named in a reference ("avslagsyrkande"). */
  readonly motionNouns: Readonly<Record<MotionKind, string>>;
  /** Names of the fields a rättelse can change, and the participle that agrees with each. */
  readonly correctionFields: Readonly<Record<string, { readonly name: string; readonly participle: string }>>;
  /** Lines at the foot of every page of an extract (initials and certification boxes). */
  readonly extractFooter: readonly string[];
  readonly certificationHeading: string;
  readonly signatureLine: string;
  readonly roles: { readonly secretary: string; readonly chair: string; readonly adjuster: string };
  readonly protocolHeadings: {
    readonly dateAndTime: string;
    readonly place: string;
    readonly deciding: string;
    readonly others: string;
    readonly absent: string;
    readonly secretary: string;
    readonly adjusters: string;
    readonly justering: string;
    readonly paragraphs: string;
    readonly signatures: string;
    readonly announcement: string;
  };
}

export interface HouseStyleDocument {
  /** A slug: `default-sv`, `goteborg-ks`. */
  readonly id: string;
  /** As shown to clerks: "Standard". */
  readonly name: string;
  /** BCP 47 language tag of what the style writes. */
  readonly locale: string;
  /** A shipped style whose settings and templates fill in what this one leaves out. */
  readonly extends?: string;
  readonly settings: HouseStyleSettings;
  readonly templates: Readonly<Record<TemplateKey, string>>;
}

/** A draft as sent by a user: anything may be missing until it is merged and validated. */
export interface HouseStyleDraft {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly locale?: unknown;
  readonly extends?: unknown;
  readonly settings?: unknown;
  readonly templates?: unknown;
}
