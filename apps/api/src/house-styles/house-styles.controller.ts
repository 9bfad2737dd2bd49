import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { houseStyleDecider, houseStyleStreamId, type AdoptHouseStyle } from '@app/domain';
import {
  extractDocument,
  lineTemplateCatalogue,
  paragraphSectionIds,
  previewSample,
  compileHouseStyle,
  shippedStyles,
  templateCatalogue,
  writeDocument,
  DEFAULT_STYLE_ID,
} from '@app/protocol';
import { Requires } from '../auth/auth.guard.js';
import type { CommandContext } from '../commands/command-context.js';
import { CommandRunner } from '../commands/command-runner.js';
import type { WriteResult } from '../commands/messages.js';
import { problems } from '../errors/problem.js';
import { Ctx } from '../http/command-ctx.decorator.js';
import { ReadDocs, WriteDocs } from '../http/swagger.js';
import { AdoptHouseStyleDto, PreviewHouseStyleDto } from './house-styles.dto.js';
import { HouseStyles } from './house-styles.service.js';

const BODY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

function bodyParam(bodyId: string): string {
  if (!BODY_ID.test(bodyId)) {
    throw problems.validation([{ field: 'bodyId', message: 'ska vara organets id, t.ex. ks-au' }]);
  }
  return bodyId;
}

/**
 * House styles as data (docs/adr/0018): the catalogue a style is written against, the shipped
 * styles, a body's adopted versions, adoption (administrators) and a preview of a draft.
 */
@ApiTags('house styles')
@Controller()
export class HouseStylesController {
  constructor(
    private readonly styles: HouseStyles,
    private readonly runner: CommandRunner,
  ) {}

  @Get('house-styles/catalogue')
  @Requires('read')
  @ReadDocs({
    summary: 'Every template a style provides, its variables (with samples), the sections',
    json: 'HouseStyleCatalogue',
  })
  catalogue(): unknown {
    return {
      templates: templateCatalogue,
      lineTemplates: lineTemplateCatalogue,
      sections: paragraphSectionIds,
      filters: ['genitive', 'mid', 'upfirst', 'join_list', 'sentence', 'strip_att', 'strip_end_stop'],
      shipped: [...shippedStyles.values()].map((s) => ({ id: s.id, name: s.name })),
      default: DEFAULT_STYLE_ID,
    };
  }

  @Get('house-styles/shipped/:styleId')
  @Requires('read')
  @ReadDocs({
    summary: 'A shipped house style, as the document to copy and adapt',
    json: 'HouseStyle',
    problems: [404],
  })
  shipped(@Param('styleId') styleId: string): unknown {
    const style = shippedStyles.get(styleId);
    if (!style) throw problems.notFound(`Det finns ingen levererad husstil med id ${styleId}.`);
    return style;
  }

  @Get('bodies/:bodyId/house-style')
  @Requires('read')
  @ReadDocs({
    summary: "The body's house style in force now (version 0: the shipped default)",
    json: 'HouseStyleVersion',
    problems: [400],
  })
  async current(@Param('bodyId') bodyId: string): Promise<unknown> {
    const versions = await this.styles.versions(bodyParam(bodyId));
    const last = versions[versions.length - 1];
    if (!last) return { bodyId, version: 0, adoptedAt: null, style: shippedStyles.get(DEFAULT_STYLE_ID) };
    return last;
  }

  @Get('bodies/:bodyId/house-style/versions')
  @Requires('read')
  @ReadDocs({
    summary: 'Every version the body has adopted, oldest first',
    json: 'HouseStyleVersions',
    problems: [400],
  })
  async versions(@Param('bodyId') bodyId: string): Promise<unknown> {
    const versions = await this.styles.versions(bodyParam(bodyId));
    return {
      bodyId,
      versions: versions.map((v) => ({ version: v.version, adoptedAt: v.adoptedAt, name: v.style.name })),
    };
  }

  @Post('bodies/:bodyId/house-style')
  @HttpCode(201)
  @Requires('administer')
  @WriteDocs("Adopt a new version of the body's house style", AdoptHouseStyleDto, true, 'HouseStyleAdopted')
  async adopt(
    @Param('bodyId') bodyId: string,
    @Body() dto: AdoptHouseStyleDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult & { version: number }> {
    const id = bodyParam(bodyId);
    const style = this.styles.validate(dto.style);
    const command: AdoptHouseStyle = {
      type: 'AdoptHouseStyle',
      data: { bodyId: id, style: style as unknown as Record<string, unknown>, at: ctx.recordedAt },
    };
    const result = await this.runner.run({
      stream: houseStyleStreamId(id),
      decider: houseStyleDecider,
      ctx,
      bodyOf: () => id,
      prepare: () => ({ command, context: undefined }),
    });
    const version = result.state.versions.length;
    return { revision: result.revision, version };
  }

  @Post('house-styles/preview')
  @HttpCode(200)
  @Requires('record')
  @ApiBody({ type: PreviewHouseStyleDto })
  @ReadDocs({
    summary: 'Render a sample paragraph with a draft style, before it is adopted',
    json: 'HouseStylePreview',
    problems: [400, 413, 422],
  })
  preview(@Body() dto: PreviewHouseStyleDto): unknown {
    const style = compileHouseStyle(this.styles.validate(dto.style));
    const { meeting, paragraph } = previewSample();
    const doc = extractDocument(paragraph, meeting, { style, styleVersion: 0 });
    return { format: dto.format ?? 'html', document: writeDocument(doc, dto.format ?? 'html') };
  }
}
