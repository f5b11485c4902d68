/**
 * `npm run org:create`: creates an organization and its owner, for self-hosters (no public sign-up needed).
 *   npm run org:create -- --name "Acme Motors" --email owner@acme.test [--owner-name "Ada Owner"]
 * The password comes from ORG_OWNER_PASSWORD, from standard input with --password-stdin, from a prompt,
 * or from --password (visible to other users of the machine: avoid it). Works on DATABASE_URL, or on the
 * embedded PostgreSQL in .data/ as `npm start` uses it (stop `npm start` first: one process owns it).
 * An email that already has an account becomes the owner with the password it has.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { logger, reportStartupFailure, StartupError, type RunningSubgraph } from '@atelier/kit';
import { isEmail } from 'class-validator';
import { provisionOrganization } from '../subgraphs/identity/src/subgraph.ts';
import { User } from '../subgraphs/identity/src/users/user.entity.ts';
import { passwordProblem } from '../subgraphs/identity/src/users/password-policy.ts';
import { embeddedPostgresPort, openDatabase, type Database } from './lib/postgres.ts';
import { assertProductConfig, loadDotEnv } from './lib/startup.ts';
import { subgraphs } from './lib/subgraphs.ts';

const USAGE = 'Usage: npm run org:create -- --name "Acme Motors" --email owner@acme.test [--owner-name "Ada Owner"] [--password-stdin]';

/** A line typed at the terminal; `hidden` does not echo it (passwords). */
function prompt(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden)
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => void (text.startsWith(question) && process.stdout.write(question));
  return new Promise((resolve) => rl.question(question, (answer) => (rl.close(), hidden && process.stdout.write('\n'), resolve(answer))));
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function readInput() {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      'owner-name': { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const interactive = process.stdin.isTTY === true;
  const ask = async (value: string | undefined, question: string, flag: string) => {
    if (value !== undefined) return value;
    if (!interactive) throw new StartupError(`--${flag} is missing.\n${USAGE}`);
    return prompt(question);
  };
  const name = (await ask(values.name, 'Organization name: ', 'name')).trim();
  const email = (await ask(values.email, "Owner's email: ", 'email')).trim().toLowerCase();
  const ownerName = (values['owner-name'] ?? (interactive && !values.name ? await prompt("Owner's name: ") : 'Owner')).trim();
  const password =
    values.password ??
    process.env.ORG_OWNER_PASSWORD ??
    (values['password-stdin'] ? await readStdin() : interactive ? await prompt("Owner's password: ", true) : undefined);

  const problems = [
    ...(name.length < 1 || name.length > 200 ? ['--name must be between 1 and 200 characters'] : []),
    ...(!isEmail(email) || email.length > 320 ? ['--email must be an email address'] : []),
    ...(ownerName.length < 1 || ownerName.length > 200 ? ['--owner-name must be between 1 and 200 characters'] : []),
  ];
  if (problems.length) throw new StartupError(`${problems.join('\n')}\n${USAGE}`);
  return { name, email, ownerName, password };
}

const root = join(import.meta.dirname, '..');
loadDotEnv();
logger.level = process.env.LOG_LEVEL ?? 'warn';
let database: Database | undefined;
const running: RunningSubgraph[] = [];
let exitCode = 0;
try {
  assertProductConfig();
  const input = await readInput();
  database = await openDatabase(join(root, '.data', 'postgres'), embeddedPostgresPort());
  // every subgraph, migrated and subscribed to the events it projects (workshop learns of the owner)
  for (const subgraph of Object.values(subgraphs)) running.push(await subgraph.start({ databaseUrl: database.url, port: 0 }));
  const identity = running[0] as RunningSubgraph;
  const existing = await identity.orm.em.fork().findOne(User, { email: input.email });
  if (!existing) {
    if (input.password === undefined) throw new StartupError(`A new owner needs a password: set ORG_OWNER_PASSWORD or pass --password-stdin.\n${USAGE}`);
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw new StartupError(`The password ${problem}.`);
  }
  const { organization, owner } = await provisionOrganization(identity.orm.em, {
    name: input.name,
    owner: { email: input.email, name: input.ownerName, password: input.password ?? '' },
  });
  console.log(
    [
      `Created organization "${organization.name}" (${organization.slug}, id ${organization.id}).`,
      existing
        ? `Its owner is the existing user ${owner.email}, who signs in with their own password.`
        : `Its owner ${owner.email} signs in with the password given.`,
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof StartupError) console.error(`\norg:create: ${error.message}\n`);
  else reportStartupFailure(error);
  exitCode = 1;
} finally {
  for (const subgraph of running.reverse()) await subgraph.stop().catch(() => undefined);
  await database?.stop();
}
process.exit(exitCode);
