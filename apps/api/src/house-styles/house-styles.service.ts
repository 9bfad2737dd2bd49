import { Injectable } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { houseStyleVersions, type AsOf } from '@app/projections';
import {
  documentStyle,
  protocolFixedAt,
  shippedStyle,
  validateHouseStyle,
  HouseStyleInvalidError,
  type DocumentOptions,
  type HouseStyleDocument,
  type HouseStyleDraft,
  type MeetingView,
  type ParagraphView,
} from '@app/protocol';
import { problems } from '../errors/problem.js';

/**
 * The house style each document is worded in: the body's version in force (docs/adr/0018),
 * read from its house-style stream on every document request, so a newly adopted style is used
 * at once, without a restart. Compiled styles are cached by body and version.
 */
@Injectable()
export class HouseStyles {
  constructor(private readonly store: EventStore) {}

  versions(bodyId: string, asOf?: AsOf) {
    return houseStyleVersions(this.store, bodyId, asOf);
  }

  /**
   * The whole protocol: fixed by the first justering of anything in it (a paragraph justified on
   * its own, or the protocol), as it stood at `asOf` for auditors' replay.
   */
  async forProtocol(
    meeting: MeetingView,
    paragraphs: readonly ParagraphView[],
    asOf?: AsOf,
  ): Promise<DocumentOptions> {
    return documentStyle(await this.versions(meeting.body.id, asOf), protocolFixedAt(meeting, paragraphs));
  }

  /** An extract: fixed by the paragraph's own (immediate) justering, or the protocol's. */
  async forExtract(paragraph: ParagraphView, meeting: MeetingView, asOf?: AsOf): Promise<DocumentOptions> {
    const justifiedAt = paragraph.justering?.at ?? meeting.justified?.at ?? null;
    return documentStyle(await this.versions(paragraph.body.id, asOf), justifiedAt);
  }

  /** A draft checked against the catalogue; 400 naming every problem otherwise. */
  validate(draft: HouseStyleDraft): HouseStyleDocument {
    try {
      return validateHouseStyle(draft, shippedStyle);
    } catch (error) {
      if (!(error instanceof HouseStyleInvalidError)) throw error;
      throw problems.validation(
        error.problems.map((p) => ({ field: `style.${p.path}`, message: p.message })),
      );
    }
  }
}
