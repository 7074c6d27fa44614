import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalJWKSet, generateKeyPair, jwtVerify } from 'jose';
import {
  finishInstance,
  gradeCells,
  insertAssessment,
  insertLtiLoginState,
  setAssessmentScoresReleased,
  startInstance,
  listCourseInvitations,
  listLtiLineItemsOfContext,
  selectEnrollment,
  selectOptionalLtiContext,
  selectOptionalUserByEmail,
  upsertLtiPlatform,
  type DbHandle,
  type LtiPlatform,
} from '@deltalab/db';
import { makeCourse, makeEnrolledUser, makeSubmission, makeUser, recordGrade, uniqueSuffix } from '@deltalab/db/test';
import { courseCan, gradedRoles } from '@/server/auth/permissions';
import { clearTokenCache, tokenRequests } from '@/server/lti/ags';
import { claim } from '@/server/lti/claims';
import { courseLtiStatus, sendGradesNow } from '@/server/lti/courseLti';
import {
  afterAssessmentProgress,
  afterCourseGradesChanged,
  afterGradesRecorded,
  passbackQueue,
  passbackRound,
  queueContextScores,
  stopPassback,
} from '@/server/lti/gradePassback';
import { toolJwks, rotateToolKey } from '@/server/lti/keys';
import { completeLaunch, type LaunchOutcome } from '@/server/lti/launchFlow';
import { completeDeepLink, deepLinkChoices, linkChoices, linkContext, LtiStepRefusal } from '@/server/lti/linking';
import { startLogin } from '@/server/lti/login';
import { canvasConfig, platformInput, platformProblem } from '@/server/lti/platforms';
import { PlatformRemovalRefusal, removePlatform } from '@/server/lti/removePlatform';
import { columnChoices, linkColumn } from '@/server/lti/lineItemLinks';
import { sweepClosedExams } from '@/server/lti/examClosing';
import { syncRoster } from '@/server/lti/nrps';
import { clearPlatformKeyCache, jwksFetchCount } from '@/server/lti/platformKeys';
import { courseRoleOfLti } from '@/server/lti/roles';
import { LaunchRefusal, verifyLaunch } from '@/server/lti/verifyLaunch';
import { courseColumns } from '@/server/services/dashboards/courseColumns';
import { PlatformSimulator } from './lti/platformSimulator';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

const base = 'http://deltalab.test';
const M = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const learner = [`${M}#Learner`];
const instructor = [`${M}#Instructor`];

describe('LTI role mapping', () => {
  it('maps Instructor, TeachingAssistant and Learner to the course roles; a TA is never an instructor; unknown roles give none', () => {
    expect(courseRoleOfLti(instructor)).toBe('instructor');
    expect(courseRoleOfLti([`${M}#Instructor`, `${M}/Instructor#TeachingAssistant`])).toBe('teaching-assistant');
    expect(courseRoleOfLti([`${M}#TeachingAssistant`])).toBe('teaching-assistant');
    expect(courseRoleOfLti(learner)).toBe('student');
    expect(courseRoleOfLti(['Learner'])).toBe('student');
    expect(courseRoleOfLti([`${M}#ContentDeveloper`])).toBe('instructor');
    expect(courseRoleOfLti(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student'])).toBeNull();
    expect(courseRoleOfLti([])).toBeNull();
  });

  it('the permission module holds the new actions: instructors link and deep-link, staff send grades and sync rosters, only students are graded', () => {
    const as = (role: 'instructor' | 'teaching-assistant' | 'student') => ({ role, dropped: false, archived: false });
    expect(courseCan(as('instructor'), 'lti.link')).toBe(true);
    expect(courseCan(as('teaching-assistant'), 'lti.link')).toBe(false);
    expect(courseCan(as('instructor'), 'lti.deepLink')).toBe(true);
    expect(courseCan(as('student'), 'lti.deepLink')).toBe(false);
    expect(courseCan(as('teaching-assistant'), 'lti.grades.send')).toBe(true);
    expect(courseCan(as('student'), 'lti.grades.send')).toBe(false);
    expect(courseCan(as('teaching-assistant'), 'lti.roster.sync')).toBe(true);
    expect(courseCan({ role: 'instructor', dropped: false, archived: true }, 'lti.link')).toBe(false);
    expect(gradedRoles()).toEqual(['student']);
  });
});

describe('LTI platform registrations and the Canvas config', () => {
  const valid = {
    issuer: 'https://canvas.instructure.com',
    clientId: '10000000000042',
    deploymentIds: ['12:abc'],
    authUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
    tokenUrl: 'https://sso.canvaslms.com/login/oauth2/token',
    jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
  };
  const problem = (input: unknown) => {
    const parsed = platformInput.safeParse(input);
    return parsed.success ? null : platformProblem(parsed.error);
  };

  it('takes a registration with https endpoints (http only on localhost) and names the bad field otherwise', () => {
    expect(problem(valid)).toBeNull();
    expect(problem({ ...valid, tokenUrl: 'http://canvas.example.edu/token' })).toBe(
      'tokenUrl: the token URL must be an https:// URL (http:// only for localhost)',
    );
    expect(problem({ ...valid, jwksUrl: 'http://localhost:9000/jwks' })).toBeNull();
    expect(problem({ ...valid, authUrl: 'not a url' })).toBe('authUrl: the authorisation URL is not a URL');
    expect(problem({ ...valid, deploymentIds: [] })).toBe('deploymentIds: give at least one deployment id');
    expect(problem({ ...valid, clientId: '' })).toBe('clientId: the client id is empty');
    expect(problem({ ...valid, issuer: undefined })).toBe('issuer: the issuer is missing');
    expect(problem({ ...valid, secret: 'x' })).toBe('unknown field(s): secret');
  });

  it('gives Canvas the login, launch and JWKS URLs, the AGS and NRPS scopes, and deep-linking placements', () => {
    const config = canvasConfig('https://deltalab.example.edu');
    expect(config).toMatchObject({
      oidc_initiation_url: 'https://deltalab.example.edu/api/lti/login',
      target_link_uri: 'https://deltalab.example.edu/api/lti/launch',
      public_jwk_url: 'https://deltalab.example.edu/api/lti/jwks',
    });
    expect(config.scopes).toContain('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    expect(config.scopes).toContain('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly');
    expect(config.extensions[0]!.settings.placements.map((p) => p.message_type)).toContain('LtiDeepLinkingRequest');
  });
});

describe.each(testDrivers())('LTI 1.3 on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let lms: PlatformSimulator;
  let platform: LtiPlatform;

  beforeAll(async () => {
    ({ handle } = await createSeededDb(driver));
    lms = await new PlatformSimulator().start();
    lms.toolJwks = () => toolJwks(handle.db);
    ({ platform } = await upsertLtiPlatform(handle.db, {
      name: 'Simulated LMS',
      issuer: lms.issuer,
      clientId: lms.clientId,
      deploymentIds: [lms.deploymentId],
      authUrl: lms.authUrl,
      tokenUrl: lms.tokenUrl,
      jwksUrl: lms.jwksUrl,
    }));
  });
  afterAll(async () => {
    await stopPassback();
    await lms.stop();
    await handle.close();
  });
  beforeEach(() => {
    clearPlatformKeyCache();
    clearTokenCache();
  });

  /** The login step, as the platform does it: returns the state and nonce our redirect carried. */
  async function login(): Promise<{ state: string; nonce: string; redirect: URL }> {
    const redirect = new URL(
      await startLogin(
        handle.db,
        { iss: lms.issuer, login_hint: 'hint', target_link_uri: `${base}/api/lti/launch`, client_id: lms.clientId },
        base,
      ),
    );
    return { state: redirect.searchParams.get('state')!, nonce: redirect.searchParams.get('nonce')!, redirect };
  }

  /** A whole launch (login, then the id_token form-posted), `claims` over a valid resource link launch. */
  async function launch(claims: Record<string, unknown> = {}, sign: Parameters<PlatformSimulator['idToken']>[2] = {}) {
    const { state, nonce } = await login();
    return verifyLaunch(handle.db, { idToken: await lms.idToken(nonce, claims, sign), state }, base);
  }

  async function refused(promise: Promise<unknown>): Promise<{ check: string; message: string }> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof LaunchRefusal || error instanceof LtiStepRefusal) return { check: error.check, message: error.message };
      throw error;
    }
    throw new Error('expected a refusal');
  }

  /** A fresh LMS course (context) and user for a test. */
  const fresh = () => {
    const id = uniqueSuffix();
    return { context: { id: `ctx-${id}`, title: `LMS course ${id}` }, sub: `sub-${id}`, email: `lms-${id}@example.edu` };
  };
  const as = (who: ReturnType<typeof fresh>, roles: string[], extra: Record<string, unknown> = {}) => ({
    sub: who.sub,
    email: who.email,
    [claim.context]: who.context,
    [claim.roles]: roles,
    ...extra,
  });

  describe('login', () => {
    it('redirects to the platform with state, nonce, form_post and our launch address', async () => {
      const { redirect, state, nonce } = await login();
      expect(redirect.origin + redirect.pathname).toBe(lms.authUrl);
      expect(Object.fromEntries(redirect.searchParams)).toMatchObject({
        scope: 'openid',
        response_type: 'id_token',
        response_mode: 'form_post',
        prompt: 'none',
        client_id: lms.clientId,
        redirect_uri: `${base}/api/lti/launch`,
        login_hint: 'hint',
      });
      expect(state).toMatch(/^[\w-]{32}$/);
      expect(nonce).toMatch(/^[\w-]{32}$/);
    });

    it('refuses an unknown issuer, a missing login_hint and an unregistered deployment by name', async () => {
      expect(
        await refused(startLogin(handle.db, { iss: 'https://nobody.example', login_hint: 'x', target_link_uri: 'x' }, base)),
      ).toMatchObject({
        check: 'issuer',
        message: expect.stringContaining('No platform is registered with the issuer "https://nobody.example"'),
      });
      expect(await refused(startLogin(handle.db, { iss: lms.issuer, target_link_uri: 'x' }, base))).toMatchObject({
        check: 'request',
        message: expect.stringContaining('login_hint is missing'),
      });
      expect(
        await refused(startLogin(handle.db, { iss: lms.issuer, login_hint: 'x', target_link_uri: 'x', lti_deployment_id: 'other' }, base)),
      ).toMatchObject({ check: 'deployment' });
    });
  });

  describe('launch checks (IMS certification: valid and invalid launches)', () => {
    it('accepts a valid resource link launch', async () => {
      const verified = await launch();
      expect(verified.messageType).toBe('LtiResourceLinkRequest');
      expect(verified.deploymentId).toBe(lms.deploymentId);
      expect(verified.claims.sub).toBe('user-1');
    });

    it('refuses a missing id_token, a missing, unknown or used state', async () => {
      expect(await refused(verifyLaunch(handle.db, { idToken: null, state: 'x' }, base))).toMatchObject({ check: 'request' });
      expect(await refused(verifyLaunch(handle.db, { idToken: 'x', state: null }, base))).toMatchObject({ check: 'state' });
      expect(await refused(verifyLaunch(handle.db, { idToken: 'x', state: 'not-ours' }, base))).toMatchObject({
        check: 'state',
        message: expect.stringContaining('unknown, already used or expired'),
      });
      const { state, nonce } = await login();
      const token = await lms.idToken(nonce);
      await verifyLaunch(handle.db, { idToken: token, state }, base);
      expect(await refused(verifyLaunch(handle.db, { idToken: token, state }, base))).toMatchObject({ check: 'state' });
    });

    it('refuses a token that is not a JWT', async () => {
      const { state } = await login();
      expect(await refused(verifyLaunch(handle.db, { idToken: 'not.a.jwt', state }, base))).toMatchObject({ check: 'token' });
    });

    it('refuses a bad signature (another key under the platform’s kid)', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      expect(await refused(launch({}, { key: privateKey, kid: lms.kid }))).toMatchObject({
        check: 'signature',
        message: 'The id_token’s signature does not verify against the platform’s public keys.',
      });
    });

    it('refuses an unknown kid, after fetching the platform’s keys again', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      await launch(); // caches the JWKS
      const before = jwksFetchCount.get(lms.jwksUrl);
      expect(await refused(launch({}, { key: privateKey, kid: 'no-such-kid' }))).toMatchObject({
        check: 'kid',
        message: expect.stringContaining('"no-such-kid", even after fetching its keys again'),
      });
      expect(jwksFetchCount.get(lms.jwksUrl)).toBe(before! + 1);
    });

    it('refuses an id_token whose header names no kid', async () => {
      expect(await refused(launch({}, { kid: '' }))).toMatchObject({
        check: 'kid',
        message: expect.stringContaining('names no key (kid)'),
      });
    });

    it('keeps the platform’s JWKS cached, and refetches it when the platform rotates its keys', async () => {
      await launch();
      await launch();
      expect(jwksFetchCount.get(lms.jwksUrl)).toBe(1);
      await lms.rotateKeys();
      const verified = await launch();
      expect(verified.claims.sub).toBe('user-1');
      expect(jwksFetchCount.get(lms.jwksUrl)).toBe(2);
    });

    it('refuses the wrong issuer, audience and azp', async () => {
      expect(await refused(launch({ iss: 'https://evil.example' }))).toMatchObject({ check: 'issuer' });
      expect(await refused(launch({ aud: 'someone-else' }))).toMatchObject({
        check: 'audience',
        message: expect.stringContaining(`does not include this tool's client id "${lms.clientId}"`),
      });
      expect(await refused(launch({ aud: [lms.clientId, 'other'] }))).toMatchObject({ check: 'azp' });
      expect(await refused(launch({ aud: [lms.clientId, 'other'], azp: 'other' }))).toMatchObject({ check: 'azp' });
      expect((await launch({ aud: [lms.clientId, 'other'], azp: lms.clientId })).claims.sub).toBe('user-1');
    });

    it('refuses an expired token and one issued in the future, beyond a small skew; accepts within it', async () => {
      const now = Math.floor(Date.now() / 1000);
      expect(await refused(launch({}, { iat: now - 400, exp: now - 120 }))).toMatchObject({ check: 'expiry' });
      expect(await refused(launch({}, { iat: now + 300, exp: now + 600 }))).toMatchObject({ check: 'issued-at' });
      expect(await refused(launch({}, { iat: now - 3600, exp: now + 600 }))).toMatchObject({ check: 'issued-at' });
      expect((await launch({}, { iat: now - 30, exp: now - 20 })).claims.sub).toBe('user-1');
    });

    it('refuses a nonce other than the login’s, and a nonce used before (a replayed id_token)', async () => {
      const { state } = await login();
      expect(await refused(verifyLaunch(handle.db, { idToken: await lms.idToken('another-nonce'), state }, base))).toMatchObject({
        check: 'nonce',
        message: expect.stringContaining('not the one this login sent'),
      });
      const first = await login();
      const token = await lms.idToken(first.nonce);
      await verifyLaunch(handle.db, { idToken: token, state: first.state }, base);
      // The same id_token again under a state that expects its nonce: refused by the nonce store.
      await insertLtiLoginState(handle.db, {
        state: `replay-${uniqueSuffix()}`,
        nonce: first.nonce,
        platformId: platform.id,
        expiresAt: new Date(Date.now() + 60_000),
      });
      const replayState = `replay2-${uniqueSuffix()}`;
      await insertLtiLoginState(handle.db, {
        state: replayState,
        nonce: first.nonce,
        platformId: platform.id,
        expiresAt: new Date(Date.now() + 60_000),
      });
      expect(await refused(verifyLaunch(handle.db, { idToken: token, state: replayState }, base))).toMatchObject({
        check: 'nonce',
        message: expect.stringContaining('was used before'),
      });
    });

    it('refuses a wrong or missing deployment id', async () => {
      expect(await refused(launch({ [claim.deploymentId]: 'deployment-9' }))).toMatchObject({
        check: 'deployment',
        message: expect.stringContaining('"deployment-9" is not registered'),
      });
      expect(await refused(launch({ [claim.deploymentId]: undefined }))).toMatchObject({ check: 'deployment' });
    });

    it('refuses an unknown message type and a version other than 1.3.0', async () => {
      expect(await refused(launch({ [claim.messageType]: 'LtiSubmissionReviewRequest' }))).toMatchObject({ check: 'message-type' });
      expect(await refused(launch({ [claim.messageType]: undefined }))).toMatchObject({ check: 'message-type' });
      expect(await refused(launch({ [claim.version]: '1.1' }))).toMatchObject({
        check: 'version',
        message: 'The LTI version is "1.1"; this tool takes "1.3.0".',
      });
    });

    it('refuses a target_link_uri that is neither the login’s nor on this tool’s origin', async () => {
      expect(await refused(launch({ [claim.targetLinkUri]: 'https://other-tool.example/launch' }))).toMatchObject({
        check: 'target-link-uri',
        message: expect.stringContaining('"https://other-tool.example/launch" is neither the one given at login'),
      });
      // Another address of this tool: accepted.
      expect((await launch({ [claim.targetLinkUri]: `${base}/api/lti/launch?from=menu` })).claims.sub).toBe('user-1');
      // The login's own target_link_uri, even on another origin (a platform-side proxy): accepted.
      const proxied = 'https://lms-proxy.example/deltalab';
      const redirect = new URL(
        await startLogin(handle.db, { iss: lms.issuer, login_hint: 'hint', target_link_uri: proxied, client_id: lms.clientId }, base),
      );
      const nonce = redirect.searchParams.get('nonce')!;
      const state = redirect.searchParams.get('state')!;
      expect(
        (await verifyLaunch(handle.db, { idToken: await lms.idToken(nonce, { [claim.targetLinkUri]: proxied }), state }, base)).claims.sub,
      ).toBe('user-1');
    });

    it('refuses missing claims by name: sub, roles, context, resource link, deep-linking settings', async () => {
      expect(await refused(launch({ sub: undefined }))).toMatchObject({ check: 'claims', message: expect.stringContaining('`sub` claim') });
      expect(await refused(launch({ [claim.roles]: undefined }))).toMatchObject({
        check: 'claims',
        message: expect.stringContaining('roles claim'),
      });
      expect(await refused(launch({ [claim.context]: undefined }))).toMatchObject({
        check: 'claims',
        message: expect.stringContaining('context claim'),
      });
      expect(await refused(launch({ [claim.resourceLink]: undefined }))).toMatchObject({
        check: 'claims',
        message: expect.stringContaining('resource_link'),
      });
      expect(await refused(launch({ [claim.messageType]: 'LtiDeepLinkingRequest' }))).toMatchObject({
        check: 'claims',
        message: expect.stringContaining('deep_linking_settings'),
      });
    });
  });

  describe('after the checks', () => {
    it('an unlinked LMS course: a student is told it is not set up; an instructor links it (a new course) and lands in it', async () => {
      const who = fresh();
      const student = fresh();
      student.context = who.context;
      const notYet = await completeLaunch(handle.db, await launch(as(student, learner)));
      expect(notYet).toEqual({ kind: 'not-set-up', contextTitle: who.context.title });
      expect(await selectOptionalUserByEmail(handle.db, student.email)).toBeUndefined();

      const outcome = (await completeLaunch(handle.db, await launch(as(who, instructor)))) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
      expect(outcome.kind).toBe('signed-in');
      expect(outcome.redirect).toBe('/api/lti/link');
      expect(outcome.account.email).toBe(who.email);
      const choices = await linkChoices(handle.db, outcome.account.id, outcome.grant);
      expect(choices).toMatchObject({ courses: [] });
      // Someone else's grant is refused.
      expect(await refused(linkContext(handle.db, (await makeUser(handle.db)).id, outcome.grant, 'new'))).toMatchObject({
        check: 'launch',
      });
      const next = await linkContext(handle.db, outcome.account.id, outcome.grant, 'new');
      expect(next).toBe('/instructor');
      const context = (await selectOptionalLtiContext(handle.db, outcome.grant.contextId))!;
      expect(context.courseId).toBeTruthy();
      expect((await selectEnrollment(handle.db, outcome.account.id, context.courseId!))?.role).toBe('instructor');

      const again = (await completeLaunch(handle.db, await launch(as(student, learner)))) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
      expect(again.redirect).toBe('/course');
      expect((await selectEnrollment(handle.db, again.account.id, context.courseId!))?.role).toBe('student');
    });

    it('an instructor links an existing course they teach; a TA there cannot link; a student of the LMS is a student here', async () => {
      const course = await makeCourse(handle.db);
      const teacher = await makeEnrolledUser(handle.db, course.id, 'instructor');
      const who = { ...fresh(), email: teacher.email };
      const outcome = (await completeLaunch(handle.db, await launch(as(who, instructor)))) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
      expect(outcome.account.id).toBe(teacher.id); // linked by email the first time
      expect(await linkChoices(handle.db, teacher.id, outcome.grant)).toMatchObject({ courses: [{ id: course.id }] });
      const ta = { ...fresh(), context: who.context };
      const taLaunch = (await completeLaunch(handle.db, await launch(as(ta, [`${M}/Instructor#TeachingAssistant`])))) as LaunchOutcome;
      expect(taLaunch).toEqual({ kind: 'not-set-up', contextTitle: who.context.title });
      await linkContext(handle.db, teacher.id, outcome.grant, course.id);
      // Found by sub from now on, even if the LMS sends another email.
      const later = (await completeLaunch(handle.db, await launch(as({ ...who, email: 'changed@example.edu' }, instructor)))) as Extract<
        LaunchOutcome,
        { kind: 'signed-in' }
      >;
      expect(later.account.id).toBe(teacher.id);
      const taIn = (await completeLaunch(handle.db, await launch(as(ta, [`${M}/Instructor#TeachingAssistant`])))) as Extract<
        LaunchOutcome,
        { kind: 'signed-in' }
      >;
      expect((await selectEnrollment(handle.db, taIn.account.id, course.id))?.role).toBe('teaching-assistant');
      expect(taIn.redirect).toBe('/instructor');
    });

    it('a launch without email or name (no PII) still signs a user in, with an address that mails nothing', async () => {
      const who = fresh();
      const outcome = (await completeLaunch(
        handle.db,
        await launch({ ...as(who, instructor), email: undefined, name: undefined }),
      )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
      expect(outcome.account.email).toMatch(/^lti-[0-9a-f]{20}@127\.0\.0\.1\.lti\.invalid$/);
      expect(outcome.account.name).toMatch(/^lti-/);
    });

    it('refuses a launch whose roles Deltalab does not know, naming them', async () => {
      const who = fresh();
      expect(
        await refused(
          completeLaunch(handle.db, await launch(as(who, ['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Guest']))),
        ),
      ).toMatchObject({
        check: 'roles',
        message: expect.stringContaining('institution/person#Guest'),
      });
    });
  });

  /** A linked LMS course with its instructor: the course, the context id, the instructor's launch. */
  async function linkedCourse() {
    const who = fresh();
    const outcome = (await completeLaunch(handle.db, await launch(as(who, instructor)))) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    await linkContext(handle.db, outcome.account.id, outcome.grant, 'new');
    const context = (await selectOptionalLtiContext(handle.db, outcome.grant.contextId))!;
    return { who, context, courseId: context.courseId!, instructorId: outcome.account.id };
  }

  it('deep linking: the instructor picks exercises; the response JWT is signed by the tool with line items of the course’s points', async () => {
    const { who } = await linkedCourse();
    const dl = (await completeLaunch(
      handle.db,
      await launch(
        as(who, instructor, {
          [claim.messageType]: 'LtiDeepLinkingRequest',
          [claim.resourceLink]: undefined,
          [claim.deepLinking]: {
            deep_link_return_url: `${lms.url}/deep-link-return`,
            accept_types: ['ltiResourceLink'],
            accept_multiple: true,
            data: 'opaque-123',
          },
        }),
      ),
    )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    expect(dl.redirect).toBe('/api/lti/deep-link');
    const choice = await deepLinkChoices(handle.db, dl.account.id, dl.grant);
    expect(choice.exercises.length).toBeGreaterThan(2);
    const picked = choice.exercises.slice(0, 2);
    expect(await refused(completeDeepLink(handle.db, dl.account.id, dl.grant, { exercises: ['no-such-exercise'] }, base))).toMatchObject({
      check: 'exercise',
    });
    const done = await completeDeepLink(handle.db, dl.account.id, dl.grant, { exercises: picked.map((e) => e.slug) }, base);
    expect(done.returnUrl).toBe(`${lms.url}/deep-link-return`);
    const { payload, protectedHeader } = await jwtVerify(done.jwt, createLocalJWKSet(await toolJwks(handle.db)), {
      issuer: lms.clientId,
      audience: lms.issuer,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload[claim.messageType]).toBe('LtiDeepLinkingResponse');
    expect(payload[claim.version]).toBe('1.3.0');
    expect(payload[claim.deploymentId]).toBe(lms.deploymentId);
    expect(payload[claim.dlData]).toBe('opaque-123');
    expect(payload.nonce).toBeTruthy();
    expect(payload[claim.dlContentItems]).toEqual(
      picked.map((e) => ({
        type: 'ltiResourceLink',
        title: e.title,
        url: `${base}/api/lti/launch`,
        custom: { exercise: e.slug },
        lineItem: { scoreMaximum: e.maxPoints, label: e.title, resourceId: `exercise:${e.id}`, tag: 'deltalab' },
      })),
    );
    // Used once.
    expect(await refused(completeDeepLink(handle.db, dl.account.id, dl.grant, { exercises: [picked[0]!.slug] }, base))).toMatchObject({
      check: 'deep-link',
    });
  });

  it('a student launching a linked exercise lands on it and its line item is recorded; AGS posts only changed scores, never staff, with a cached token', async () => {
    const { who, context, courseId, instructorId } = await linkedCourse();
    const [exercise] = await courseColumns(handle.db, courseId);
    const lineItemUrl = lms.lineItemUrl(`li-${uniqueSuffix()}`);
    const student = { ...fresh(), context: who.context };
    const landed = (await completeLaunch(
      handle.db,
      await launch(
        as(student, learner, {
          [claim.custom]: { exercise: exercise!.slug },
          [claim.ags]: {
            scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
            lineitems: lms.lineItemsUrl,
            lineitem: lineItemUrl,
          },
        }),
      ),
    )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    expect(landed.redirect).toBe(`/exercises/${exercise!.slug}`);
    const [item] = await listLtiLineItemsOfContext(handle.db, context.id);
    expect(item).toMatchObject({
      url: lineItemUrl,
      resourceKind: 'exercise',
      resourceId: exercise!.exerciseId,
      scoreMaximum: exercise!.maxPoints,
    });

    await passbackQueue(handle, { retryDelaySeconds: 1 });
    // Grades: the student 0.5, the instructor (staff: never sent) 1.
    await handle.db.insert(gradeCells).values([
      { courseId, userId: landed.account.id, exerciseId: exercise!.exerciseId, bestScore: 0.5, attempts: 1 },
      { courseId, userId: instructorId, exerciseId: exercise!.exerciseId, bestScore: 1, attempts: 1 },
    ]);
    const before = lms.scores.length;
    expect(await queueContextScores(handle.db, context.id)).toBe(1);
    while ((await passbackRound(handle)) > 0);
    const posted = lms.scores.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.lineItem).toBe(lineItemUrl.split('/').pop());
    expect(posted[0]!.body).toMatchObject({
      userId: student.sub,
      scoreGiven: exercise!.maxPoints * 0.5,
      scoreMaximum: exercise!.maxPoints,
      activityProgress: 'Submitted',
      gradingProgress: 'FullyGraded',
    });
    expect(tokenRequests.count).toBe(1);

    // Unchanged: nothing queued. Changed: one more post, with the cached token.
    expect(await queueContextScores(handle.db, context.id)).toBe(0);
    await handle.executeSql('update grade_cells set best_score = 1 where course_id = $1 and user_id = $2', [courseId, landed.account.id]);
    expect(await queueContextScores(handle.db, context.id)).toBe(1);
    while ((await passbackRound(handle)) > 0);
    expect(lms.scores.at(-1)!.body).toMatchObject({ scoreGiven: exercise!.maxPoints, activityProgress: 'Completed' });
    expect(tokenRequests.count).toBe(1);
    expect(lms.scores.at(-1)!.token).toBe(posted[0]!.token);

    const status = await courseLtiStatus(handle.db, courseId);
    expect(status.scores).toEqual([expect.objectContaining({ status: 'sent', sentScore: exercise!.maxPoints, email: student.email })]);
  });

  it('the grading hook: a recorded grade queues its student’s changed score for the LMS, and nothing for staff', async () => {
    await passbackQueue(handle, { retryDelaySeconds: 1 });
    const { who, context, courseId, instructorId } = await linkedCourse();
    const [exercise] = await courseColumns(handle.db, courseId);
    const student = { ...fresh(), context: who.context };
    const landed = (await completeLaunch(
      handle.db,
      await launch(
        as(student, learner, {
          [claim.custom]: { exercise: exercise!.slug },
          [claim.ags]: { scope: [], lineitem: lms.lineItemUrl(`li-${uniqueSuffix()}`) },
        }),
      ),
    )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    const { rows } = await handle.executeSql('select id from exercise_versions where exercise_id = $1 order by number desc limit 1', [
      exercise!.exerciseId,
    ]);
    const made = { exerciseId: exercise!.exerciseId, slug: exercise!.slug, versionId: (rows[0] as { id: string }).id };
    const mine = await makeSubmission(handle.db, { userId: landed.account.id, courseId, exercise: made });
    const staffs = await makeSubmission(handle.db, { userId: instructorId, courseId, exercise: made });
    await recordGrade(handle.db, mine.id, { score: 0.8, passed: false });
    await recordGrade(handle.db, staffs.id, { score: 1, passed: true });
    await afterGradesRecorded(handle.db, [mine.id, staffs.id]);
    const status = await courseLtiStatus(handle.db, courseId);
    expect(status.scores).toEqual([
      expect.objectContaining({ userId: landed.account.id, status: 'queued', scoreGiven: 0.8 * exercise!.maxPoints }),
    ]);
    // The same grade again changes nothing.
    await afterGradesRecorded(handle.db, [mine.id]);
    expect((await courseLtiStatus(handle.db, courseId)).scores).toHaveLength(1);
    expect(context.courseId).toBe(courseId);
    while ((await passbackRound(handle)) > 0);
    expect((await courseLtiStatus(handle.db, courseId)).scores[0]).toMatchObject({ lastError: null, status: 'sent' });
  });

  it('a failed post is retried with backoff through the queue and then sent; a revoked token is renewed', async () => {
    const { who, context, courseId } = await linkedCourse();
    const [exercise] = await courseColumns(handle.db, courseId);
    const student = { ...fresh(), context: who.context };
    const lineItemUrl = lms.lineItemUrl(`li-${uniqueSuffix()}`);
    const landed = (await completeLaunch(
      handle.db,
      await launch(
        as(student, learner, { [claim.custom]: { exercise: exercise!.slug }, [claim.ags]: { scope: [], lineitem: lineItemUrl } }),
      ),
    )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    await passbackQueue(handle, { retryDelaySeconds: 1 });
    await handle.db
      .insert(gradeCells)
      .values({ courseId, userId: landed.account.id, exerciseId: exercise!.exerciseId, bestScore: 0.25, attempts: 1 });
    lms.failScores = [503];
    lms.revokeTokens();
    const before = lms.scores.length;
    expect(await queueContextScores(handle.db, context.id)).toBe(1);
    expect(await passbackRound(handle)).toBe(1);
    expect(lms.scores.length).toBe(before);
    expect((await courseLtiStatus(handle.db, courseId)).scores[0]).toMatchObject({
      status: 'queued',
      lastError: expect.stringContaining('503'),
    });
    const deadline = Date.now() + 15_000;
    while (lms.scores.length === before && Date.now() < deadline) {
      await passbackRound(handle);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lms.scores.at(-1)!.body).toMatchObject({ userId: student.sub, scoreGiven: exercise!.maxPoints * 0.25 });
    expect((await courseLtiStatus(handle.db, courseId)).scores[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('NRPS: pages followed by Link rel=next; known members enrolled, unknown students pending, leavers dropped with their work', async () => {
    const { who, context, courseId } = await linkedCourse();
    const stays = { ...fresh(), context: who.context };
    const leaves = { ...fresh(), context: who.context };
    for (const s of [stays, leaves]) await completeLaunch(handle.db, await launch(as(s, learner)));
    const existing = await makeUser(handle.db);
    const newcomer = `new-${uniqueSuffix()}@example.edu`;
    lms.members = [
      { user_id: who.sub, roles: instructor, email: who.email },
      { user_id: stays.sub, roles: learner, email: stays.email },
      { user_id: `sub-${uniqueSuffix()}`, roles: learner, email: existing.email, name: existing.name },
      { user_id: `sub-${uniqueSuffix()}`, roles: learner, email: newcomer, name: 'New Comer' },
      { user_id: `sub-${uniqueSuffix()}`, roles: learner, status: 'Inactive', email: `gone-${uniqueSuffix()}@example.edu` },
    ];
    lms.membersPerPage = 2;
    const report = await syncRoster(handle.db, context.id);
    expect(report).toMatchObject({ members: 5, enrolled: 1, pending: 1, dropped: 1 });
    const leaver = (await selectOptionalUserByEmail(handle.db, leaves.email))!;
    expect((await selectEnrollment(handle.db, leaver.id, courseId))?.droppedAt).toBeInstanceOf(Date);
    expect((await selectEnrollment(handle.db, existing.id, courseId))?.role).toBe('student');
    expect((await listCourseInvitations(handle.db, courseId)).map((i) => i.email)).toEqual([newcomer]);
    const teacher = (await selectOptionalUserByEmail(handle.db, who.email))!;
    expect((await selectEnrollment(handle.db, teacher.id, courseId))?.role).toBe('instructor');
    // The newcomer's first launch takes up the pending enrollment.
    const first = (await completeLaunch(
      handle.db,
      await launch(as({ sub: `sub-${uniqueSuffix()}`, email: newcomer, context: who.context }, learner)),
    )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    expect((await selectEnrollment(handle.db, first.account.id, courseId))?.role).toBe('student');
    expect(await listCourseInvitations(handle.db, courseId)).toEqual([]);
  });

  /** A student of a linked LMS course launching a resource link (custom parameters, the line item the LMS made). */
  async function launchAsStudent(who: ReturnType<typeof fresh>, custom: Record<string, string>, lineitem?: string) {
    const student = { ...fresh(), context: who.context };
    const landed = (await completeLaunch(
      handle.db,
      await launch(
        as(student, learner, {
          [claim.custom]: custom,
          [claim.ags]: {
            scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score', 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem'],
            lineitems: lms.lineItemsUrl,
            ...(lineitem ? { lineitem } : {}),
          },
        }),
      ),
    )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
    return { student, landed };
  }

  /** Grades a submission of `userId` to an exercise of the course the way the workers do, then runs the grading hook. */
  async function grade(courseId: string, userId: string, exerciseId: string, score: number) {
    const { rows } = await handle.executeSql(
      'select e.slug, v.id from exercises e join exercise_versions v on v.exercise_id = e.id where e.id = $1 order by v.number desc limit 1',
      [exerciseId],
    );
    const row = rows[0] as { slug: string; id: string };
    const submission = await makeSubmission(handle.db, { userId, courseId, exercise: { exerciseId, slug: row.slug, versionId: row.id } });
    await recordGrade(handle.db, submission.id, { score, passed: score === 1 });
    await afterGradesRecorded(handle.db, [submission.id]);
  }

  /**
   * Works the passback queue until none of the course's scores is queued: a job inserted within the same clock tick is
   * not fetched yet (pg-boss takes jobs whose start_after is before now()), so an empty round alone proves nothing.
   */
  const drain = async (courseId: string) => {
    const queued = async () =>
      (
        await handle.executeSql(
          `select count(*)::int as n from lti_scores s join lti_line_items li on li.id = s.line_item_id
           where li.course_id = $1 and s.status = 'queued'`,
          [courseId],
        )
      ).rows[0] as { n: number };
    const deadline = Date.now() + 10_000;
    while ((await queued()).n > 0 && Date.now() < deadline)
      if ((await passbackRound(handle)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  describe('one score per assessment', () => {
    it('deep linking offers assessments with their points; a student solving an exercise inside one sends the assessment’s score', async () => {
      await passbackQueue(handle, { retryDelaySeconds: 1 });
      const { who, context, courseId, instructorId } = await linkedCourse();
      const [first, second] = await courseColumns(handle.db, courseId);
      const homework = await insertAssessment(handle.db, {
        courseId,
        slug: 'hw-lti',
        title: 'Homework for the LMS',
        type: 'homework',
        slots: [
          { exerciseIds: [first!.exerciseId], points: 4 },
          { exerciseIds: [second!.exerciseId], points: 6 },
        ],
      });
      const dl = (await completeLaunch(
        handle.db,
        await launch(
          as(who, instructor, {
            [claim.messageType]: 'LtiDeepLinkingRequest',
            [claim.resourceLink]: undefined,
            [claim.deepLinking]: { deep_link_return_url: `${lms.url}/deep-link-return`, accept_multiple: false },
          }),
        ),
      )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
      const choice = await deepLinkChoices(handle.db, dl.account.id, dl.grant);
      expect(choice.assessments).toEqual([
        { kind: 'assessment', id: homework.id, slug: 'hw-lti', title: 'Homework for the LMS', maxPoints: 10 },
      ]);
      expect(await refused(completeDeepLink(handle.db, dl.account.id, dl.grant, { assessments: ['nope'] }, base))).toMatchObject({
        check: 'assessment',
      });
      expect(
        await refused(completeDeepLink(handle.db, dl.account.id, dl.grant, { assessments: ['hw-lti'], exercises: [first!.slug] }, base)),
      ).toMatchObject({ message: expect.stringContaining('takes one item') });
      const done = await completeDeepLink(handle.db, dl.account.id, dl.grant, { assessments: ['hw-lti'] }, base);
      const { payload } = await jwtVerify(done.jwt, createLocalJWKSet(await toolJwks(handle.db)), {
        issuer: lms.clientId,
        audience: lms.issuer,
      });
      expect(payload[claim.dlContentItems]).toEqual([
        {
          type: 'ltiResourceLink',
          title: 'Homework for the LMS',
          url: `${base}/api/lti/launch`,
          custom: { assessment: 'hw-lti' },
          lineItem: { scoreMaximum: 10, label: 'Homework for the LMS', resourceId: `assessment:${homework.id}`, tag: 'deltalab' },
        },
      ]);

      // The LMS made the line item; the student's launch of the link lands on the assessment and records it.
      const lineItemUrl = lms.lineItemUrl(`hw-${uniqueSuffix()}`);
      const { student, landed } = await launchAsStudent(who, { assessment: 'hw-lti' }, lineItemUrl);
      expect(landed.redirect).toBe('/assessments/hw-lti');
      expect(await listLtiLineItemsOfContext(handle.db, context.id)).toEqual([
        expect.objectContaining({ url: lineItemUrl, resourceKind: 'assessment', resourceId: homework.id, scoreMaximum: 10 }),
      ]);

      // Half marks on the first question (4 points): 2 of 10, in progress; the instructor's work is never sent.
      const before = lms.scores.length;
      await grade(courseId, landed.account.id, first!.exerciseId, 0.5);
      await grade(courseId, instructorId, first!.exerciseId, 1);
      await drain(courseId);
      expect(lms.scores.slice(before).map((s) => ({ lineItem: s.lineItem, ...s.body }))).toEqual([
        expect.objectContaining({
          lineItem: lineItemUrl.split('/').pop(),
          userId: student.sub,
          scoreGiven: 2,
          scoreMaximum: 10,
          activityProgress: 'InProgress',
          gradingProgress: 'FullyGraded',
        }),
      ]);
      // Every question answered: 2 + 6 = 8 of 10, submitted (it may still be improved).
      await grade(courseId, landed.account.id, second!.exerciseId, 1);
      await drain(courseId);
      expect(lms.scores.at(-1)!.body).toMatchObject({ scoreGiven: 8, activityProgress: 'Submitted', gradingProgress: 'FullyGraded' });
      // Nothing changed: nothing sent.
      expect(await queueContextScores(handle.db, context.id)).toBe(0);
      // A submission still grading: the current score, Pending.
      const { rows } = await handle.executeSql('select id from exercise_versions where exercise_id = $1 order by number desc limit 1', [
        second!.exerciseId,
      ]);
      await makeSubmission(handle.db, {
        userId: landed.account.id,
        courseId,
        exercise: { exerciseId: second!.exerciseId, slug: second!.slug, versionId: (rows[0] as { id: string }).id },
      });
      expect(await queueContextScores(handle.db, context.id)).toBe(1);
      await drain(courseId);
      expect(lms.scores.at(-1)!.body).toMatchObject({ scoreGiven: 8, gradingProgress: 'Pending' });
    });

    it('grades earned before a line item was known are sent when "send grades now" finds the assessment’s column in the LMS', async () => {
      await passbackQueue(handle, { retryDelaySeconds: 1 });
      const { who, courseId } = await linkedCourse();
      const [, , third] = await courseColumns(handle.db, courseId);
      const quiz = await insertAssessment(handle.db, {
        courseId,
        slug: 'quiz-lti',
        title: 'Quiz for the LMS',
        type: 'homework',
        slots: [{ exerciseIds: [third!.exerciseId], points: 5 }],
      });
      const { student, landed } = await launchAsStudent(who, {});
      expect(landed.redirect).toBe('/course');
      await grade(courseId, landed.account.id, third!.exerciseId, 1);
      const lineItemId = `quiz-${uniqueSuffix()}`;
      lms.lineItems = [
        { id: lms.lineItemUrl(lineItemId), label: 'Quiz (LMS column)', scoreMaximum: 20, resourceId: `assessment:${quiz.id}` },
      ];
      const before = lms.scores.length;
      const sent = await sendGradesNow(handle.db, courseId);
      expect(sent).toMatchObject({ queued: 1, problems: [] });
      await drain(courseId);
      // On the LMS column's scale (20 points), full marks: completed.
      expect(lms.scores.slice(before)).toEqual([
        expect.objectContaining({
          lineItem: lineItemId,
          body: expect.objectContaining({ userId: student.sub, scoreGiven: 20, scoreMaximum: 20, activityProgress: 'Completed' }),
        }),
      ]);
      lms.lineItems = [];
    });

    it('unknown LMS columns are listed and linked to an assessment (its scores sent at once); a column is created for an assessment without one', async () => {
      await passbackQueue(handle, { retryDelaySeconds: 1 });
      const { who, context, courseId } = await linkedCourse();
      const columns = await courseColumns(handle.db, courseId);
      const [first, second] = [columns[4]!, columns[5]!];
      const hwA = await insertAssessment(handle.db, {
        courseId,
        slug: 'hw-a',
        title: 'Homework A',
        type: 'homework',
        slots: [{ exerciseIds: [first.exerciseId], points: 3 }],
      });
      const hwB = await insertAssessment(handle.db, {
        courseId,
        slug: 'hw-b',
        title: 'Homework B',
        type: 'homework',
        slots: [{ exerciseIds: [second.exerciseId], points: 2 }],
      });
      const { student, landed } = await launchAsStudent(who, {});
      await grade(courseId, landed.account.id, first.exerciseId, 1);
      await grade(courseId, landed.account.id, second.exerciseId, 0.5);
      const byHand = lms.lineItemUrl(`by-hand-${uniqueSuffix()}`);
      const otherTool = lms.lineItemUrl(`other-${uniqueSuffix()}`);
      lms.lineItems = [
        { id: byHand, label: 'Made by hand', scoreMaximum: 30 },
        { id: otherTool, label: 'Another tool’s quiz', scoreMaximum: 10, resourceId: 'quiz:42', tag: 'other' },
      ];
      lms.lineItemsPerPage = 1; // the tool follows Link: rel="next"
      const choices = await columnChoices(handle.db, courseId);
      expect(choices.contexts).toEqual([
        {
          contextId: context.id,
          title: context.title,
          canCreate: true,
          unknown: [
            { url: byHand, label: 'Made by hand', scoreMaximum: 30 },
            { url: otherTool, label: 'Another tool’s quiz', scoreMaximum: 10 },
          ],
          withoutColumn: [expect.objectContaining({ id: hwA.id, maxPoints: 3 }), expect.objectContaining({ id: hwB.id, maxPoints: 2 })],
        },
      ]);

      // Linked to Homework A: full marks on the column's own scale (30), sent at once.
      const before = lms.scores.length;
      const linked = await linkColumn(handle.db, courseId, {
        action: 'link',
        contextId: context.id,
        lineItem: byHand,
        resource: `assessment:${hwA.id}`,
      });
      expect(linked).toEqual({ label: 'Made by hand', resource: 'Homework A', queued: 1 });
      await drain(courseId);
      expect(lms.scores.slice(before)).toEqual([
        expect.objectContaining({
          lineItem: byHand.split('/').pop(),
          body: expect.objectContaining({ userId: student.sub, scoreGiven: 30, scoreMaximum: 30, activityProgress: 'Completed' }),
        }),
      ]);
      // Refusals change nothing: the column is taken, no such column, not this course's resource.
      const ask = (request: Parameters<typeof linkColumn>[2]) => refused(linkColumn(handle.db, courseId, request));
      expect(await ask({ action: 'link', contextId: context.id, lineItem: byHand, resource: `assessment:${hwB.id}` })).toMatchObject({
        check: 'line-item',
        message: expect.stringContaining('linked to another assessment already'),
      });
      expect(
        await ask({ action: 'link', contextId: context.id, lineItem: lms.lineItemUrl('nope'), resource: `assessment:${hwB.id}` }),
      ).toMatchObject({ check: 'line-item', message: expect.stringContaining('has no column') });
      expect(
        await ask({
          action: 'link',
          contextId: context.id,
          lineItem: otherTool,
          resource: 'assessment:00000000-0000-0000-0000-000000000000',
        }),
      ).toMatchObject({ check: 'resource' });

      // Homework B has no column: Deltalab creates it (AGS POST lineitems) and sends its score.
      const created = await linkColumn(handle.db, courseId, { action: 'create', contextId: context.id, resource: `assessment:${hwB.id}` });
      expect(created).toMatchObject({ label: 'Homework B', queued: 1 });
      const made = lms.lineItems.find((i) => i.resourceId === `assessment:${hwB.id}`)!;
      expect(made).toMatchObject({ label: 'Homework B', scoreMaximum: 2, tag: 'deltalab' });
      await drain(courseId);
      expect(lms.scores.at(-1)).toMatchObject({
        lineItem: made.id.split('/').pop(),
        body: { userId: student.sub, scoreGiven: 1, scoreMaximum: 2, activityProgress: 'Submitted', gradingProgress: 'FullyGraded' },
      });
      expect(await ask({ action: 'create', contextId: context.id, resource: `assessment:${hwB.id}` })).toMatchObject({
        check: 'line-item',
        message: expect.stringContaining('has a column'),
      });
      const after = await columnChoices(handle.db, courseId);
      expect(after.contexts[0]).toMatchObject({ unknown: [{ url: otherTool }], withoutColumn: [] });
      lms.lineItems = [];
      lms.lineItemsPerPage = 100;
    });

    it('an exam: Started at its start, then Pending without a score until its scores are released, then the score', async () => {
      await passbackQueue(handle, { retryDelaySeconds: 1 });
      const { who, context, courseId } = await linkedCourse();
      const columns = await courseColumns(handle.db, courseId);
      const question = columns[3]!;
      const exam = await insertAssessment(handle.db, {
        courseId,
        slug: 'exam-lti',
        title: 'Exam for the LMS',
        type: 'exam',
        dueAt: new Date(Date.now() + 86_400_000),
        slots: [{ exerciseIds: [question.exerciseId], points: 5 }],
      });
      const lineItemUrl = lms.lineItemUrl(`exam-${uniqueSuffix()}`);
      const { student, landed } = await launchAsStudent(who, { assessment: 'exam-lti' }, lineItemUrl);
      expect(landed.redirect).toBe('/assessments/exam-lti');
      const bodies = () => lms.scores.filter((s) => s.lineItem === lineItemUrl.split('/').pop()).map((s) => s.body);

      const { instance } = await startInstance(handle.db, exam.id, landed.account.id, new Date());
      await afterAssessmentProgress(handle.db, courseId, landed.account.id);
      await drain(courseId);
      expect(bodies().at(-1)).toMatchObject({ userId: student.sub, activityProgress: 'Started', gradingProgress: 'NotReady' });
      expect(bodies().at(-1)).not.toHaveProperty('scoreGiven');

      await grade(courseId, landed.account.id, question.exerciseId, 1);
      await drain(courseId);
      expect(bodies().at(-1)).toMatchObject({ activityProgress: 'Submitted', gradingProgress: 'Pending' });
      expect(bodies().at(-1)).not.toHaveProperty('scoreGiven');

      await finishInstance(handle.db, instance.id, new Date());
      await afterAssessmentProgress(handle.db, courseId, landed.account.id);
      await drain(courseId);
      expect(bodies().at(-1)).toMatchObject({ activityProgress: 'Completed', gradingProgress: 'Pending' });
      expect(bodies().at(-1)).not.toHaveProperty('scoreGiven');

      await setAssessmentScoresReleased(handle.db, exam.id, new Date());
      await afterCourseGradesChanged(handle.db, courseId);
      await drain(courseId);
      expect(bodies().at(-1)).toMatchObject({
        scoreGiven: 5,
        scoreMaximum: 5,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
      });
      expect(bodies()).toHaveLength(4);
      expect((await courseLtiStatus(handle.db, courseId)).scores).toEqual([
        expect.objectContaining({ status: 'sent', sentScore: 5, sentProgress: 'Completed/FullyGraded' }),
      ]);
      expect(context.courseId).toBe(courseId);
    });

    it('an exam closed by its time limit: the sweep sends Completed once the clock passes its end, and nothing more when run again', async () => {
      await passbackQueue(handle, { retryDelaySeconds: 1 });
      const { who, courseId } = await linkedCourse();
      const question = (await courseColumns(handle.db, courseId))[3]!;
      const exam = await insertAssessment(handle.db, {
        courseId,
        slug: 'exam-clock',
        title: 'Timed exam for the LMS',
        type: 'exam',
        dueAt: new Date(Date.now() + 86_400_000),
        timeLimitMinutes: 60,
        slots: [{ exerciseIds: [question.exerciseId], points: 5 }],
      });
      const lineItemUrl = lms.lineItemUrl(`exam-clock-${uniqueSuffix()}`);
      const { student, landed } = await launchAsStudent(who, { assessment: 'exam-clock' }, lineItemUrl);
      const bodies = () => lms.scores.filter((s) => s.lineItem === lineItemUrl.split('/').pop()).map((s) => s.body);
      const startedAt = new Date();
      await startInstance(handle.db, exam.id, landed.account.id, startedAt);
      await afterAssessmentProgress(handle.db, courseId, landed.account.id);
      await grade(courseId, landed.account.id, question.exerciseId, 1);
      await drain(courseId);
      expect(bodies().at(-1)).toMatchObject({ userId: student.sub, activityProgress: 'Submitted', gradingProgress: 'Pending' });
      const sent = bodies().length;

      // Within the time limit the sweep finds the instance open: nothing is queued for it.
      await sweepClosedExams(handle.db, new Date(startedAt.getTime() + 59 * 60_000));
      await drain(courseId);
      expect(bodies()).toHaveLength(sent);

      // The time limit passed without the student finishing: the sweep tells the LMS the exam is Completed.
      const later = new Date(startedAt.getTime() + 61 * 60_000);
      expect(await sweepClosedExams(handle.db, later)).toBeGreaterThanOrEqual(1);
      await drain(courseId);
      expect(bodies()).toHaveLength(sent + 1);
      expect(bodies().at(-1)).toMatchObject({ userId: student.sub, activityProgress: 'Completed', gradingProgress: 'Pending' });
      expect(bodies().at(-1)).not.toHaveProperty('scoreGiven');

      // Its score row now says Completed: a second sweep finds nothing of this course to send.
      await sweepClosedExams(handle.db, new Date(later.getTime() + 60_000));
      await drain(courseId);
      expect(bodies()).toHaveLength(sent + 1);
      expect((await courseLtiStatus(handle.db, courseId)).scores).toEqual([
        expect.objectContaining({ status: 'sent', sentProgress: 'Completed/Pending' }),
      ]);
    });
  });

  it('removing a platform: refused with what would go until confirmed; then launches are refused and the linked course keeps its data', async () => {
    const other = await new PlatformSimulator().start();
    try {
      other.toolJwks = () => toolJwks(handle.db);
      const { platform: registered } = await upsertLtiPlatform(handle.db, {
        name: 'LMS to remove',
        issuer: other.issuer,
        clientId: other.clientId,
        deploymentIds: [other.deploymentId],
        authUrl: other.authUrl,
        tokenUrl: other.tokenUrl,
        jwksUrl: other.jwksUrl,
      });
      const who = fresh();
      const login = new URL(
        await startLogin(
          handle.db,
          { iss: other.issuer, login_hint: 'h', target_link_uri: `${base}/api/lti/launch`, client_id: other.clientId },
          base,
        ),
      );
      const outcome = (await completeLaunch(
        handle.db,
        await verifyLaunch(
          handle.db,
          { idToken: await other.idToken(login.searchParams.get('nonce')!, as(who, instructor)), state: login.searchParams.get('state')! },
          base,
        ),
      )) as Extract<LaunchOutcome, { kind: 'signed-in' }>;
      await linkContext(handle.db, outcome.account.id, outcome.grant, 'new');
      const courseId = (await selectOptionalLtiContext(handle.db, outcome.grant.contextId))!.courseId!;
      const which = { issuer: other.issuer, clientId: other.clientId };

      const unconfirmed = await removePlatform(handle.db, which, false).catch((error: unknown) => error as PlatformRemovalRefusal);
      expect(unconfirmed).toBeInstanceOf(PlatformRemovalRefusal);
      expect(unconfirmed).toMatchObject({
        status: 409,
        message: expect.stringContaining(`Its 1 LMS course (${who.context.title} → ${who.context.title}) lose their link`),
      });
      expect((unconfirmed as Error).message).toContain('Nothing was removed yet');
      expect(await selectOptionalLtiContext(handle.db, outcome.grant.contextId)).toBeDefined();

      const { usage } = await removePlatform(handle.db, which, true);
      expect(usage).toMatchObject({ contexts: [{ title: who.context.title }], identities: 1 });
      expect(await selectOptionalLtiContext(handle.db, outcome.grant.contextId)).toBeUndefined();
      // Deltalab's own data stays: the course and its instructor.
      expect((await selectEnrollment(handle.db, outcome.account.id, courseId))?.role).toBe('instructor');
      // A launch from it is refused by name; removing it again finds nothing.
      expect(
        await refused(startLogin(handle.db, { iss: other.issuer, login_hint: 'h', target_link_uri: `${base}/api/lti/launch` }, base)),
      ).toMatchObject({ check: 'issuer', message: expect.stringContaining('No platform is registered') });
      await expect(removePlatform(handle.db, which, true)).rejects.toMatchObject({ status: 404 });
      expect(registered.id).toBeTruthy();
    } finally {
      await other.stop();
    }
  });

  it('tool keys: a rotation signs with the new key and still serves the old one', async () => {
    const before = (await toolJwks(handle.db)).keys.map((k) => k.kid);
    const { kid } = await rotateToolKey(handle.db);
    const after = (await toolJwks(handle.db)).keys.map((k) => k.kid);
    expect(after[0]).toBe(kid);
    expect(after).toEqual(expect.arrayContaining(before));
  });
});
