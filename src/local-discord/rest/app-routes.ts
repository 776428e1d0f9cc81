import { apiUser } from '../api-objects.ts';
import { ApiError } from '../errors.ts';
import { json, type Route } from './route.ts';

/** Gateway discovery and who-am-I routes. */
export const appRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/gateway/bot',
    auth: true,
    bucket: () => 'gateway',
    handle: (context) =>
      json({
        url: context.gatewayUrl(),
        shards: context.recommendedShards,
        session_start_limit: { total: context.gateway.sessionStartLimit, remaining: context.gateway.sessionStartsRemaining, reset_after: 86_400_000, max_concurrency: 1 },
      }),
  },
  { method: 'GET', path: '/gateway', auth: false, bucket: () => 'gateway', handle: (context) => json({ url: context.gatewayUrl() }) },
  {
    method: 'GET',
    path: '/users/@me',
    auth: true,
    bucket: () => 'me',
    handle: (context) => json({ ...apiUser({ id: context.bot.userId, username: context.bot.username, bot: true }), verified: true, mfa_enabled: false }),
  },
  {
    method: 'GET',
    path: '/users/:userId',
    auth: true,
    bucket: () => 'users',
    handle(context, request) {
      const user = context.world.users.get(request.params['userId'] ?? '');
      if (user === undefined) throw new ApiError(404, 10013, 'Unknown User');
      return json(apiUser(user));
    },
  },
  {
    method: 'GET',
    path: '/applications/@me',
    auth: true,
    bucket: () => 'me',
    handle: (context) =>
      json({
        id: context.bot.applicationId,
        name: context.bot.username,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        bot: apiUser({ id: context.bot.userId, username: context.bot.username, bot: true }),
        owner: apiUser({ id: context.bot.applicationId, username: 'owner', bot: false }),
        team: null,
      }),
  },
];
