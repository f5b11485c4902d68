import { defineFeature } from '@atelier/kit';
import { AttemptCounter } from '../throttles/attempt-counter.entity.ts';
import { Session } from './session.entity.ts';
import { SessionResolver } from './session.resolver.ts';
import { sessionRoutes } from './session.route.ts';

/** Signing in and out (throttled per account and address), and the gateway's session check. */
export const sessions = defineFeature({ name: 'sessions', entities: [Session, AttemptCounter], resolvers: [SessionResolver], routes: [sessionRoutes] });
