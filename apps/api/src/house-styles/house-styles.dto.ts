import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';

/** A house-style document: settings and Liquid templates (see GET /house-styles/catalogue). */
const styleDoc = {
  type: 'object',
  additionalProperties: true,
  description:
    'id, name, locale, optional extends (a shipped style id), settings and templates; ' +
    'see docs/adr/0018 and GET /house-styles/catalogue',
} as const;

export class AdoptHouseStyleDto {
  @ApiProperty(styleDoc)
  @IsObject()
  style!: Record<string, unknown>;

  static example = {
    style: {
      id: 'exempel',
      name: 'Miljönämndens husstil',
      extends: 'default-sv',
      templates: { paragraphNumber: '§ {{ number }}', caseNumber: 'Dnr: {{ dnr }}' },
    },
  };
}

export class PreviewHouseStyleDto {
  @ApiProperty(styleDoc)
  @IsObject()
  style!: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['text', 'markdown', 'html'], default: 'html' })
  @IsOptional()
  @IsIn(['text', 'markdown', 'html'])
  format?: 'text' | 'markdown' | 'html';

  static example = AdoptHouseStyleDto.example;
}
