import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { extractDocument, protocolDocument, votingListDocument } from '@app/protocol';
import {
  meetingsQuery,
  paragraphOf,
  protocolOf,
  registerCsv,
  registerQuery,
  statisticsQuery,
  worklistQuery,
} from '@app/projections';
import { Public, Reader, Requires } from '../auth/auth.guard.js';
import type { User } from '../auth/users.js';
import { DocumentMarks, markIntegrity } from '../documents/document-marks.js';
import { problems } from '../errors/problem.js';
import { negotiate } from '../http/negotiate.js';
import { documentType, PDF, sendDocument, wantsDownload } from '../documents/respond.js';
import { UuidParam } from '../http/params.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { ReadModels } from './read-models.service.js';
import * as q from './query-params.js';

const DOCUMENT_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/json', PDF];
/** What the extract and the omröstningsbilaga come as (no JSON). */
const TEXT_AND_PDF = ['text/plain', 'text/markdown', 'text/html', PDF];

/** Queries answered from the read models (libs/projections), kept current by the runner. */
@ApiTags('read models')
@ApiBearerAuth()
@Controller()
export class ReadModelsController {
  constructor(
    @Inject(ReadModels) private readonly models: ReadModels,
    @Inject(HouseStyles) private readonly styles: HouseStyles,
    @Inject(DocumentMarks) private readonly marks: DocumentMarks,
  ) {}

  @Get('meetings')
  @Requires('read')
  @ApiOperation({ summary: 'Every meeting, newest first (filters: body, year)' })
  meetings(@Query('body') bodyId?: string, @Query('year') yearRaw?: string): unknown {
    return { items: meetingsQuery(this.models.db, { body: q.body(bodyId), year: q.year(yearRaw) }) };
  }

  @Get('protocols/:meetingId')
  @Public() // a protocol is a public record; the audience and the press follow it live
  @ApiProduces(...DOCUMENT_TYPES)
  @ApiOperation({
    summary: 'The protocol of a meeting from the read model: header and every § in order',
    description: 'Accept or `?format=pdf|html|text|markdown|json`; `?download=1` saves the PDF.',
  })
  async protocol(
    @Param('meetingId', UuidParam) meetingId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Reader() reader: User | null,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<unknown> {
    const type = documentType(accept, format, DOCUMENT_TYPES);
    const model = protocolOf(this.models.db, meetingId);
    if (!model) throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    void reply
      .header('vary', 'Accept, Authorization')
      .header('x-read-model-position', String(this.models.runner.position));
    if (type === 'application/json') {
      const m = model.meeting;
      const attendance = m.attendance[m.attendance.length - 1] ?? null;
      return {
        meetingId: m.meetingId,
        body: m.body,
        date: m.date,
        startTime: m.startTime,
        place: m.place,
        present: attendance?.present ?? [],
        servingSubstitutes: attendance?.servingSubstitutes ?? [],
        adjusters: m.adjusters,
        justified: m.justified,
        announced: m.announced,
        paragraphs: model.paragraphs.map((p) => ({
          paragraphId: p.paragraphId,
          number: p.number,
          caseNumber: p.caseNumber,
          title: p.title,
          status: p.status,
          // Sekretess (docs/adr/0030): the provision is public, the reason is not.
          ...(p.view.confidential ? { confidential: { provision: p.view.confidential.provision } } : {}),
        })),
      };
    }
    const views = model.paragraphs.map((p) => p.view);
    const style = await this.styles.forProtocol(model.meeting, views);
    const seal = model.meeting.justified ? await this.marks.protocolSeal(meetingId) : null;
    const doc = protocolDocument(model.meeting, views, {
      ...style,
      seal,
      audience: reader ? 'full' : 'public',
    });
    const streams = this.marks.meetingStreams(
      meetingId,
      views.map((v) => v.paragraphId),
    );
    return sendDocument(
      reply,
      type,
      markIntegrity(reply, reader, doc, this.marks.breaksIn(streams)),
      wantsDownload(download),
    );
  }

  @Get('protocols/:meetingId/voting-appendix')
  @Public()
  @ApiProduces(...TEXT_AND_PDF)
  @ApiOperation({
    summary: 'Närvaro- och omröstningslista (omröstningsbilaga): attendance and a table per votering',
    description: 'Accept or `?format=pdf|html|text|markdown`; `?download=1` saves the PDF.',
  })
  async votingAppendix(
    @Param('meetingId', UuidParam) meetingId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<unknown> {
    const type = documentType(accept, format, TEXT_AND_PDF);
    const model = protocolOf(this.models.db, meetingId);
    if (!model) throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    const views = model.paragraphs.map((p) => p.view);
    const style = await this.styles.forProtocol(model.meeting, views);
    return sendDocument(
      reply,
      type,
      votingListDocument(model.meeting, views, style),
      wantsDownload(download),
    );
  }

  @Get('meetings/:meetingId/paragraphs/:paragraphId/extract')
  @Public()
  @ApiProduces(...TEXT_AND_PDF)
  @ApiOperation({
    summary: 'Protokollsutdrag of one paragraph, from the read model',
    description: 'Accept or `?format=pdf|html|text|markdown`; `?download=1` saves the PDF.',
  })
  async extract(
    @Param('meetingId', UuidParam) meetingId: string,
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Reader() reader: User | null,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<unknown> {
    const type = documentType(accept, format, TEXT_AND_PDF);
    const model = protocolOf(this.models.db, meetingId);
    const paragraph = paragraphOf(this.models.db, paragraphId);
    if (!model || !paragraph || paragraph.meetingId !== meetingId) {
      throw problems.notFound(`Paragrafen ${paragraphId} finns inte i sammanträdet ${meetingId}.`);
    }
    const style = await this.styles.forExtract(paragraph, model.meeting);
    const seal =
      paragraph.justering || model.meeting.justified
        ? await this.marks.extractSeal(paragraphId, meetingId)
        : null;
    const doc = extractDocument(paragraph, model.meeting, {
      ...style,
      seal,
      audience: reader ? 'full' : 'public',
    });
    const streams = this.marks.meetingStreams(meetingId, [paragraphId]);
    return sendDocument(
      reply,
      type,
      markIntegrity(reply, reader, doc, this.marks.breaksIn(streams)),
      wantsDownload(download),
    );
  }

  @Get('register')
  @Requires('read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Decision register across meetings and bodies',
    description:
      'Filters: body, year, dnr, status (decided, justified, announced, appeal_period_over, dispatched); ' +
      '`today` (YYYY-MM-DD, default the date in Sweden now) decides whether an appeal period is over. ' +
      'CSV with Accept: text/csv or format=csv: semicolon-separated with a BOM and local dates, as ' +
      'Excel with Swedish settings opens it; `separator=comma` for RFC 4180 with ISO 8601 values.',
  })
  register(
    @Query() query: Record<string, string | undefined>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): unknown {
    const entries = registerQuery(this.models.db, {
      bodyId: q.body(query.body),
      year: q.year(query.year),
      caseNumber: q.dnr(query.dnr),
      status: q.status(query.status),
      today: q.today(query.today),
      limit: q.positiveInt(query.limit, 'limit', 10_000, 100_000),
      offset: query.offset ? q.positiveInt(query.offset, 'offset', 0, 10_000_000) : 0,
    });
    const type = query.format === 'csv' ? 'text/csv' : negotiate(accept, ['application/json', 'text/csv']);
    if (!type) throw problems.notAcceptable(['application/json', 'text/csv']);
    void reply.header('vary', 'Accept');
    if (type === 'text/csv') {
      const separator = query.separator ?? 'semicolon';
      if (separator !== 'semicolon' && separator !== 'comma') {
        throw problems.validation([{ field: 'separator', message: 'must be semicolon or comma' }]);
      }
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="beslutsregister.csv"');
      return registerCsv(entries, separator === 'comma' ? 'rfc4180' : 'excel');
    }
    return { count: entries.length, entries };
  }

  @Get('statistics')
  @Requires('read')
  @ApiOperation({ summary: 'Yrkanden made and adopted, votes, reservations and jäv per member and party' })
  statistics(@Query('body') bodyId?: string, @Query('year') year?: string): unknown {
    return statisticsQuery(this.models.db, { bodyId: q.body(bodyId), year: q.year(year) });
  }

  @Get('worklist')
  @Requires('read')
  @ApiOperation({
    summary:
      "The clerk's worklist: paragraphs not justified, recipients not sent, appeal periods ending this week",
  })
  worklist(@Query('today') today?: string, @Query('body') bodyId?: string): unknown {
    return worklistQuery(this.models.db, { today: q.today(today), bodyId: q.body(bodyId) });
  }
}
