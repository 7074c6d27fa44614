/**
 * `npm run admin -- <command>`: site administration from the command line, on the database the site uses
 * (DATABASE_URL, else the embedded one: stop the server first, PGlite allows one process).
 *
 *   create-admin <email> [--name "Full Name"]   creates the account (or promotes an existing one) and prints a
 *                                                one-time link to set its password, valid 24 h (also emailed with
 *                                                SMTP_URL); signing in with GitHub/Google under that email works too
 *   remove-demo                                  removes the demo accounts, and the demo courses nobody else is in
 *   lti-add-platform --issuer … --client-id … --deployment-id … [--deployment-id …] --auth-url … --token-url …
 *                    --jwks-url … [--name …]     registers an LMS (LTI 1.3), or adds deployment ids / new endpoints
 *                                                to the registration with that issuer and client id
 *   lti-remove-platform --issuer … --client-id … [--yes]
 *                                                removes a registration (without --yes: says what would go, exit 1)
 *   lti-rotate-key                               a new signing key for the tool; the old one leaves /api/lti/jwks a day later
 *
 * Exit codes: 0 done, 2 bad usage, 3 the embedded database is in use, 4 unusable configuration, 1 anything else.
 */
import { z } from 'zod';
import {
  createDb,
  DatabaseLockedError,
  insertUser,
  upsertLtiPlatform,
  selectOptionalUserByEmail,
  updateUserSiteRights,
  type Database,
} from '@deltalab/db';
import { dataDir, env, getAuthSecret, isEmbeddedDb } from '../env';
import { emailInput } from './services/forms/emailInput';
import { issuePasswordLink, passwordLinkValidMs } from './services/accounts/passwordLinks';
import { removeDemo } from './services/demo/demoData';
import { rotateToolKey } from './lti/keys';
import { platformInput, platformProblem, platformRow } from './lti/platforms';
import { PlatformRemovalRefusal, removePlatform, removePlatformInput } from './lti/removePlatform';

const usage = `Usage:
  npm run admin -- create-admin <email> [--name "Full Name"]
  npm run admin -- remove-demo
  npm run admin -- lti-add-platform --issuer <url> --client-id <id> --deployment-id <id> [--deployment-id <id>…]
                                    --auth-url <url> --token-url <url> --jwks-url <url> [--name "Canvas at …"]
  npm run admin -- lti-remove-platform --issuer <url> --client-id <id> [--yes]
  npm run admin -- lti-rotate-key`;

const createAdminArgs = z.object({
  email: emailInput(),
  name: z.string().trim().min(1, 'the name is empty').max(100, 'the name is at most 100 characters').optional(),
});

class UsageError extends Error {}

/** The site's address for the printed link: NEXTAUTH_URL, else the local one `npm start` serves. */
function baseUrl(): string {
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

async function createAdmin(db: Database, args: string[]): Promise<void> {
  const nameAt = args.indexOf('--name');
  const name = nameAt >= 0 ? (args[nameAt + 1] ?? '') : undefined;
  const rest = nameAt >= 0 ? [...args.slice(0, nameAt), ...args.slice(nameAt + 2)] : args;
  if (rest.length !== 1) throw new UsageError('create-admin takes one email address.');
  const parsed = createAdminArgs.safeParse({ email: rest[0], name });
  if (!parsed.success) throw new UsageError(`${String(parsed.error.issues[0]!.path[0])}: ${parsed.error.issues[0]!.message}`);
  const { email } = parsed.data;
  const existing = await selectOptionalUserByEmail(db, email);
  if (existing?.deactivatedAt)
    throw new UsageError(`${email} is deactivated: reactivate it on the users page (another administrator) first.`);
  const user =
    existing ??
    (await insertUser(db, { email, name: parsed.data.name ?? email.split('@')[0]!, isAdmin: true, canCreateCourses: true })) ??
    (await selectOptionalUserByEmail(db, email))!;
  await updateUserSiteRights(db, user.id, { isAdmin: true, canCreateCourses: true });
  console.log(`✔ ${email} is ${existing?.isAdmin ? 'still' : 'now'} an administrator${existing ? '' : ' (new account)'}.`);
  const issued = await issuePasswordLink(db, {
    user,
    purpose: existing?.passwordHash ? 'reset' : 'set-password',
    createdBy: null,
    baseUrl: baseUrl(),
  });
  const hours = passwordLinkValidMs / 3_600_000;
  if (issued.emailed) console.log(`  A link to set the password was emailed to ${email} (valid ${hours} h, once).`);
  else {
    if (issued.mailProblem) console.log(`  ${issued.mailProblem}`);
    console.log(`  Set the password within ${hours} h (the link works once):\n\n  ${issued.link}\n`);
  }
  console.log('  Signing in with GitHub or Google under this email works too, where the site offers them.');
}

const ltiFlags: Record<string, 'issuer' | 'clientId' | 'deploymentIds' | 'authUrl' | 'tokenUrl' | 'jwksUrl' | 'name'> = {
  '--issuer': 'issuer',
  '--client-id': 'clientId',
  '--deployment-id': 'deploymentIds',
  '--auth-url': 'authUrl',
  '--token-url': 'tokenUrl',
  '--jwks-url': 'jwksUrl',
  '--name': 'name',
};

/** `lti-add-platform`'s flags, each checked as the admin page checks its fields. */
function parseLtiPlatformArgs(args: string[]) {
  const input: Record<string, string | string[]> = { deploymentIds: [] };
  for (let i = 0; i < args.length; i += 2) {
    const key = ltiFlags[args[i]!];
    if (!key) throw new UsageError(`lti-add-platform: unknown argument "${args[i]}".`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`lti-add-platform: ${args[i]} needs a value.`);
    if (key === 'deploymentIds') (input.deploymentIds as string[]).push(value);
    else if (key in input) throw new UsageError(`lti-add-platform: ${args[i]} is given twice.`);
    else input[key] = value;
  }
  const parsed = platformInput.safeParse(input);
  const flagOf = Object.fromEntries(Object.entries(ltiFlags).map(([flag, field]) => [field, flag]));
  if (!parsed.success) throw new UsageError(`lti-add-platform: ${platformProblem(parsed.error, flagOf)}.`);
  return platformRow(parsed.data);
}

async function addLtiPlatform(db: Database, args: string[]): Promise<void> {
  const { platform, created } = await upsertLtiPlatform(db, parseLtiPlatformArgs(args));
  console.log(`✔ ${platform.name} is ${created ? 'registered' : 'updated'} (issuer ${platform.issuer}, client id ${platform.clientId}).`);
  console.log(`  Deployment ids: ${platform.deploymentIds.join(', ')}.`);
  console.log(`  Give the LMS: login ${baseUrl()}/api/lti/login, launch ${baseUrl()}/api/lti/launch, keys ${baseUrl()}/api/lti/jwks.`);
}

/** `lti-remove-platform --issuer … --client-id … [--yes]`: without --yes it says what would go and removes nothing. */
async function removeLtiPlatform(db: Database, args: string[]): Promise<number> {
  const input: Record<string, string | boolean> = {};
  const flags: Record<string, 'issuer' | 'clientId'> = { '--issuer': 'issuer', '--client-id': 'clientId' };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--yes') {
      input.confirm = true;
      continue;
    }
    const key = flags[args[i]!];
    if (!key) throw new UsageError(`lti-remove-platform: unknown argument "${args[i]}".`);
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`lti-remove-platform: ${args[i - 1]} needs a value.`);
    if (key in input) throw new UsageError(`lti-remove-platform: ${args[i - 1]} is given twice.`);
    input[key] = value;
  }
  const parsed = removePlatformInput.safeParse(input);
  if (!parsed.success)
    throw new UsageError(`lti-remove-platform: ${platformProblem(parsed.error, { issuer: '--issuer', clientId: '--client-id' })}.`);
  try {
    const { platform, summary } = await removePlatform(db, parsed.data, parsed.data.confirm === true);
    console.log(`✔ Removed ${platform.name}.\n  ${summary}`);
    return 0;
  } catch (error) {
    if (!(error instanceof PlatformRemovalRefusal)) throw error;
    console.error(`✖ ${error.message}${error.status === 409 ? ' Run it again with --yes to remove it.' : ''}`);
    return 1;
  }
}

const commands = ['create-admin', 'remove-demo', 'lti-add-platform', 'lti-remove-platform', 'lti-rotate-key'];

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || !commands.includes(command)) {
    console.error(`${command ? `Unknown command "${command}".\n` : ''}${usage}`);
    return 2;
  }
  try {
    getAuthSecret();
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    return 4;
  }
  let handle;
  try {
    handle = await createDb(isEmbeddedDb ? { dataDir } : { url: env.DATABASE_URL });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`✖ ${error.message}\n  Stop the server first: the embedded database allows one process at a time.`);
      return 3;
    }
    throw error;
  }
  try {
    if (command === 'create-admin') await createAdmin(handle.db, args);
    else if (command === 'lti-add-platform') await addLtiPlatform(handle.db, args);
    else if (command === 'lti-remove-platform') return await removeLtiPlatform(handle.db, args);
    else if (command === 'lti-rotate-key') {
      if (args.length > 0) throw new UsageError('lti-rotate-key takes no arguments.');
      const { kid, retired } = await rotateToolKey(handle.db);
      console.log(`✔ New signing key ${kid}; ${retired} older key(s) stop signing now and leave /api/lti/jwks in a day.`);
    } else {
      if (args.length > 0) throw new UsageError('remove-demo takes no arguments.');
      const removed = await removeDemo(handle.db);
      console.log(`✔ Removed ${removed.accounts} demo account(s).`);
      if (removed.coursesRemoved.length > 0) console.log(`  Removed the demo course(s): ${removed.coursesRemoved.join(', ')}.`);
      if (removed.coursesKept.length > 0)
        console.log(`  Kept, archived (other people are in them, and their work is never deleted): ${removed.coursesKept.join(', ')}.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`✖ ${error.message}\n${usage}`);
      return 2;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
