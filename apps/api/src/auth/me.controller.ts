import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { problems } from '../errors/problem.js';
import { describePerson } from './auth.controller.js';
import { Requires, type AuthenticatedRequest } from './auth.guard.js';
import { Authenticator } from './authenticator.js';

/** Who is signed in, so the web app shows their name, roles and bodies and only what they may do. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(@Inject(Authenticator) private readonly auth: Authenticator) {}

  @Get()
  @Requires('read')
  @ApiOperation({
    summary:
      'The signed-in person: id, name, roles, the bodies they may record for (null: all), what they may do',
  })
  me(@Req() request: AuthenticatedRequest): unknown {
    const user = request.user;
    if (!user) throw problems.unauthenticated();
    const { via, session } = this.auth.identify(request);
    return describePerson(user, via === 'session' && session ? session.method : 'token');
  }
}
