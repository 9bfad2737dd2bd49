import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { isPlainDate, pendingMatters, rosterOn, incomingDecider, incomingStreamId } from '@app/domain';
import { Requires } from '../auth/auth.guard.js';
import { CommandRunner } from '../commands/command-runner.js';
import { newId, type CommandContext } from '../commands/command-context.js';
import type { WriteResult } from '../commands/messages.js';
import { problems } from '../errors/problem.js';
import { Ctx } from '../http/command-ctx.decorator.js';
import { UuidParam } from '../http/params.js';
import { WriteDocs } from '../http/swagger.js';
import {
  BODY_ID,
  ChangeBodyDto,
  EndMembershipDto,
  ForwardDto,
  OpenFromIncomingDto,
  RegisterBodyDto,
  StartMembershipDto,
} from './bodies.dto.js';
import { Bodies } from './bodies.service.js';
import { ReadDocs } from '../http/swagger.js';

function bodyParam(bodyId: string): string {
  if (!BODY_ID.test(bodyId)) {
    throw problems.validation([{ field: 'bodyId', message: 'ska vara organets id, t.ex. ks-au' }]);
  }
  return bodyId;
}

const ID = /^[\p{L}\p{N}._:-]{1,100}$/u;
function idParam(field: string, value: string): string {
  if (!ID.test(value))
    throw problems.validation([{ field, message: 'ska vara ett id (bokstäver, siffror, . _ : -)' }]);
  return value;
}

function dateQuery(date: string | undefined, today: string): string {
  const d = date ?? today;
  if (!isPlainDate(d))
    throw problems.validation([{ field: 'date', message: 'ska vara ett datum ÅÅÅÅ-MM-DD' }]);
  return d;
}

/**
 * Bodies as data (docs/adr/0036): the register of bodies, each body's roster per mandatperiod,
 * and forwarding between them (docs/adr/0037). Administrators keep bodies and rosters; clerks
 * read them, schedule from them, send förslag on and take up incoming matters.
 */
@ApiTags('bodies')
@ApiBearerAuth()
@Controller()
export class BodiesController {
  constructor(
    private readonly bodies: Bodies,
    private readonly runner: CommandRunner,
  ) {}

  @Get('bodies')
  @Requires('read')
  @ReadDocs({ summary: 'Every registered body', json: 'BodyList' })
  async list(): Promise<unknown> {
    const register = await this.bodies.register();
    return { bodies: [...register.bodies.values()] };
  }

  @Post('bodies')
  @HttpCode(201)
  @Requires('administer')
  @WriteDocs('Register a body (nämnd, styrelse, utskott, fullmäktige, beredning)', RegisterBodyDto, true)
  register(@Body() dto: RegisterBodyDto, @Ctx() ctx: CommandContext): Promise<WriteResult> {
    return this.bodies.registerBody(this.bodies.detailsFrom(dto.bodyId, dto), ctx);
  }

  @Put('bodies/:bodyId')
  @HttpCode(200)
  @Requires('administer')
  @WriteDocs(
    "Change a body's names, kind, preparing relation, numbering format or justering default",
    ChangeBodyDto,
  )
  async change(
    @Param('bodyId') bodyId: string,
    @Body() dto: ChangeBodyDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const id = bodyParam(bodyId);
    // Optional fields left out keep their value (preparesFor: null clears it).
    const current = await this.bodies.details(id);
    if (!current) throw problems.notFound(`Organet ${id} finns inte i förteckningen över organ.`);
    const merged = {
      ...dto,
      preparesFor: dto.preparesFor === undefined ? current.preparesFor : dto.preparesFor,
      numberingFormat: dto.numberingFormat ?? current.numberingFormat,
      defaultHouseStyle: dto.defaultHouseStyle ?? current.defaultHouseStyle,
      immediateJusteringByDefault: dto.immediateJusteringByDefault ?? current.immediateJusteringByDefault,
    };
    return this.bodies.changeBody(this.bodies.detailsFrom(id, merged), ctx);
  }

  @Get('bodies/:bodyId')
  @Requires('read')
  @ReadDocs({
    summary: 'A body with every membership of its roster (past, present and future)',
    json: 'BodyWithRoster',
    problems: [400, 404],
  })
  async get(@Param('bodyId') bodyId: string): Promise<unknown> {
    const details = await this.bodies.details(bodyParam(bodyId));
    if (!details) throw problems.notFound(`Organet ${bodyId} finns inte i förteckningen över organ.`);
    const { state, revision } = await this.bodies.roster(bodyId);
    return { ...details, rosterRevision: revision, memberships: state.memberships };
  }

  @Get('bodies/:bodyId/roster')
  @Requires('read')
  @ReadDocs({
    summary: 'The roster in force on a date (default today), and the members a meeting that day starts from',
    json: 'Roster',
    query: [
      { name: 'date', description: 'YYYY-MM-DD; default today', schema: { type: 'string', format: 'date' } },
    ],
    problems: [400, 404],
  })
  async roster(@Param('bodyId') bodyId: string, @Query('date') date?: string): Promise<unknown> {
    const details = await this.bodies.details(bodyParam(bodyId));
    if (!details) throw problems.notFound(`Organet ${bodyId} finns inte i förteckningen över organ.`);
    const on = dateQuery(date, new Date().toISOString().slice(0, 10));
    const { state, revision } = await this.bodies.roster(bodyId);
    const roster = rosterOn(state, on);
    return {
      bodyId,
      date: on,
      rosterRevision: revision,
      chair: roster.find((m) => m.office === 'ordforande')?.memberId ?? null,
      memberships: roster,
      members: roster.map((m) => ({ memberId: m.memberId, name: m.name, party: m.party, role: m.role })),
    };
  }

  @Post('bodies/:bodyId/memberships')
  @HttpCode(201)
  @Requires('administer')
  @WriteDocs(
    'Start a membership: val, fyllnadsval (ledamot, ersättare, ordförande, vice ordförande)',
    StartMembershipDto,
    true,
  )
  startMembership(
    @Param('bodyId') bodyId: string,
    @Body() dto: StartMembershipDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const id = bodyParam(bodyId);
    const membershipId = dto.membershipId ?? newId(ctx, 'membershipId');
    return this.bodies.rosterCommand(
      id,
      { type: 'StartMembership', data: { ...dto, bodyId: id, membershipId, at: ctx.recordedAt } },
      ctx,
    );
  }

  @Post('bodies/:bodyId/memberships/:membershipId/end')
  @HttpCode(200)
  @Requires('administer')
  @WriteDocs('End a membership (entledigande, avgång): its last day', EndMembershipDto)
  endMembership(
    @Param('bodyId') bodyId: string,
    @Param('membershipId') membershipId: string,
    @Body() dto: EndMembershipDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const id = bodyParam(bodyId);
    return this.bodies.rosterCommand(
      id,
      {
        type: 'EndMembership',
        data: { ...dto, bodyId: id, membershipId: idParam('membershipId', membershipId), at: ctx.recordedAt },
      },
      ctx,
    );
  }

  @Get('bodies/:bodyId/incoming')
  @Requires('read')
  @ReadDocs({
    summary: 'Matters other bodies sent on to this one; `?all=1` includes those taken up',
    json: 'IncomingMatters',
    query: [{ name: 'all', description: '1: include matters already taken up' }],
    problems: [400],
  })
  async incoming(@Param('bodyId') bodyId: string, @Query('all') all?: string): Promise<unknown> {
    const loaded = await this.runner.load(incomingStreamId(bodyParam(bodyId)), incomingDecider);
    const matters =
      all === '1' || all === 'true'
        ? loaded.state.matters.map((m) => ({ ...m.forwarded, takenUp: m.takenUp ?? null }))
        : pendingMatters(loaded.state).map((m) => ({ ...m, takenUp: null }));
    return { bodyId, matters };
  }

  @Post('bodies/:bodyId/incoming/:forwardId/paragraph')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Open a paragraph from an incoming matter (its lineage goes with it)', OpenFromIncomingDto, true)
  openFromIncoming(
    @Param('bodyId') bodyId: string,
    @Param('forwardId') forwardId: string,
    @Body() dto: OpenFromIncomingDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.bodies.openFromIncoming(bodyParam(bodyId), idParam('forwardId', forwardId), dto, ctx);
  }

  @Post('paragraphs/:paragraphId/forward')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs(
    "Send a paragraph's förslag on to the body it proposes to (default: the one it prepares for)",
    ForwardDto,
    true,
  )
  forward(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() dto: ForwardDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.bodies.forward(paragraphId, dto.toBodyId, ctx);
  }
}
