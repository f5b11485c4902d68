import { defineFeature } from '@atelier/kit';
import { secretKeyProblems } from '../secrets/secret-box.ts';
import { Connection } from './connection.entity.ts';
import { ConnectionResolver } from './connection.resolver.ts';
import { OAuthState } from './oauth-state.entity.ts';
import { oauthCallbackRoute } from './oauth.route.ts';

/** Connections to providers: OAuth or keys, stored encrypted, tested, disconnected. */
export const connections = defineFeature({
  name: 'connections',
  entities: [Connection, OAuthState],
  resolvers: [ConnectionResolver],
  routes: [oauthCallbackRoute],
  configChecks: [secretKeyProblems],
});
