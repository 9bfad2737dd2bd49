import { Body, Controller, Delete, Get, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { problems } from '../errors/problem.js';
import { uuidv7 } from '../infra/uuid.js';
import { AccessStore, type IssuedToken } from './access-store.js';
import { CurrentUser, Requires } from './auth.guard.js';
import { roleName } from './policy.js';
import { newToken, UserDirectory, type User } from './users.js';
import { ReadDocs } from '../http/swagger.js';

export class IssueTokenDto {
  @ApiProperty({ description: 'What the token is for (shown in the list)', example: 'Diariets import' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label!: string;

  @ApiProperty({ description: 'Days until it expires (at most PARAGRAF_TOKEN_MAX_DAYS)', example: 90 })
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays!: number;
}

const view = (t: IssuedToken, now = Date.now()) => ({
  ...t,
  state: t.revokedAt ? 'revoked' : Date.parse(t.expiresAt) <= now ? 'expired' : 'valid',
});

/**
 * Bearer tokens for API clients, issued and revoked by an administrator, each with an expiry
 * (docs/adr/0040). A token is shown once, when issued; only its SHA-256 is kept.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class TokensController {
  private readonly log = new Logger('Tokens');

  constructor(
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Inject(AccessStore) private readonly access: AccessStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('users')
  @Requires('administer')
  @ReadDocs({ summary: 'The users file’s people and API clients: roles, bodies, member', json: 'UserList' })
  list(): unknown {
    return {
      users: this.users.list().map((u) => ({
        id: u.id,
        name: u.name,
        roles: u.roles,
        roleNames: u.roles.map(roleName),
        bodies: u.bodies ?? null,
        ...(u.memberId ? { memberId: u.memberId } : {}),
      })),
    };
  }

  @Get('users/:userId/tokens')
  @Requires('administer')
  @ReadDocs({
    summary: 'The tokens issued to a user (never the tokens themselves)',
    json: 'TokenList',
    problems: [404],
  })
  tokens(@Param('userId') userId: string): unknown {
    this.userOrNotFound(userId);
    return { tokens: this.access.tokensOf(userId).map((t) => view(t)) };
  }

  @Post('users/:userId/tokens')
  @Requires('administer')
  @ReadDocs({
    summary: 'Issue a bearer token with an expiry; the answer is the only time it is shown',
    json: 'IssuedToken',
    status: 201,
    problems: [400, 404],
  })
  issue(@Param('userId') userId: string, @Body() dto: IssueTokenDto, @CurrentUser() admin: User): unknown {
    const user = this.userOrNotFound(userId);
    if (dto.expiresInDays > this.config.tokenMaxDays) {
      throw problems.validation([
        {
          field: 'expiresInDays',
          message: `must be at most ${this.config.tokenMaxDays} (PARAGRAF_TOKEN_MAX_DAYS)`,
        },
      ]);
    }
    const token = newToken();
    const now = new Date();
    const issued = {
      tokenId: uuidv7(),
      userId: user.id,
      label: dto.label,
      createdAt: now.toISOString(),
      createdBy: admin.id,
      expiresAt: new Date(now.getTime() + dto.expiresInDays * 86_400_000).toISOString(),
    };
    this.access.issueToken(issued, token);
    this.log.log(`token ${issued.tokenId} for ${user.id} issued by ${admin.id}, expires ${issued.expiresAt}`);
    return { ...issued, token };
  }

  @Delete('tokens/:tokenId')
  @HttpCode(200)
  @Requires('administer')
  @ReadDocs({ summary: 'Revoke a token: it stops working at once', json: 'TokenInfo', problems: [404] })
  revoke(@Param('tokenId') tokenId: string, @CurrentUser() admin: User): unknown {
    const known = this.access.tokenById(tokenId);
    if (!known) throw problems.notFound(`Det finns ingen token ${tokenId}.`);
    if (this.access.revokeToken(tokenId, admin.id, new Date().toISOString())) {
      this.log.log(`token ${tokenId} of ${known.userId} revoked by ${admin.id}`);
    }
    return view(this.access.tokenById(tokenId)!);
  }

  private userOrNotFound(userId: string): User {
    const user = this.users.get(userId);
    if (!user) throw problems.notFound(`Användaren ${userId} finns inte i användarfilen.`);
    return user;
  }
}
