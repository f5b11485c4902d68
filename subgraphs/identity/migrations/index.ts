import { type MigrationDefinition } from '@atelier/kit';
import { Migration20261123135125_initial } from './Migration20261123135125_initial.ts';
import { Migration20261204190727_sessions } from './Migration20261204190727_sessions.ts';
import { Migration20261204192225_invitations } from './Migration20261204192225_invitations.ts';
import { Migration20261204193745_email_verification } from './Migration20261204193745_email_verification.ts';
import { Migration20261204195026_login_throttles } from './Migration20261204195026_login_throttles.ts';
import { Migration20261204203937_attempt_counters } from './Migration20261204203937_attempt_counters.ts';

/** Every migration of the identity schema, in order. New ones come from `npm run migration:create -- identity`. */
export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261123135125_initial', class: Migration20261123135125_initial },
  { name: 'Migration20261204190727_sessions', class: Migration20261204190727_sessions },
  { name: 'Migration20261204192225_invitations', class: Migration20261204192225_invitations },
  { name: 'Migration20261204193745_email_verification', class: Migration20261204193745_email_verification },
  { name: 'Migration20261204195026_login_throttles', class: Migration20261204195026_login_throttles },
  { name: 'Migration20261204203937_attempt_counters', class: Migration20261204203937_attempt_counters },
];
