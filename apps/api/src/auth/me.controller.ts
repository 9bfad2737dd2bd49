import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { problems } from '../errors/problem.js';
import { Requires, type AuthenticatedRequest } from './auth.guard.js';
import { permissionsOf } from './policy.js';

/** Who the bearer token belongs to, so the web app shows only what the user may do. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @Requires('read')
  @ApiOperation({ summary: 'The signed-in user: id, name, role and what the role may do' })
  me(@Req() request: AuthenticatedRequest): unknown {
    const user = request.user;
    if (!user) throw problems.unauthenticated();
    return {
      id: user.id,
      name: user.name,
      role: user.role,
      permissions: permissionsOf(user.role),
      ...(user.bodies ? { bodies: user.bodies } : {}),
    };
  }
}
