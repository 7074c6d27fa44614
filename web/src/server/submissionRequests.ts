import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyText, type BodyText } from '@/lib/requestBody';
import { apiSecurityPolicy, securityHeaders } from '@/lib/securityPolicy';
import { apiErrorAnswer, notSignedInAnswer, parseJsonBody, type JsonAnswer } from './api';
import { sessionUserFromCookieHeader, type SessionUser } from './auth/session';
import { stage } from './breakdown';
import { acceptSubmission, answerSubmission } from './submissionRoutes';

/**
 * POST /api/submissions and GET /api/submissions/:id, answered by Node's HTTP server (server.mjs) without Next. Every
 * submission makes both, and Next's own work for a request (routing, its request and response objects, streams) costs
 * several times the CPU of the request's own (README, "Where a submission's time goes"). The same session, the same
 * code (submissionRoutes.ts), the headers next.config.ts gives every /api answer; any other request is Next's.
 */
export function answerSubmissionRequest(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? '';
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  let name: string;
  let answer: (user: SessionUser) => Promise<JsonAnswer>;
  const wait = () => new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)).get('wait');
  // A client that goes away (the page closed) stops its wait, as Next's request.signal would.
  const goneSignal = () => {
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    return gone.signal;
  };
  if (request.method === 'POST' && path === '/api/submissions') {
    name = 'POST /api/submissions';
    const signal = goneSignal();
    answer = async (user) => acceptSubmission(user, parseJsonBody(await stage('request body', () => readBody(request))), wait(), signal);
  } else if (request.method === 'GET' && /^\/api\/submissions\/[^/]+$/.test(path)) {
    let id: string;
    try {
      id = decodeURIComponent(path.slice('/api/submissions/'.length));
    } catch {
      return false; // not percent-decodable: Next's answer for such a URL stands
    }
    const signal = goneSignal();
    name = 'GET /api/submissions/:id';
    answer = (user) => answerSubmission(user, id, wait(), signal);
  } else {
    return false;
  }
  void stage(name, async () => {
    let result: JsonAnswer;
    try {
      const user = await stage('session', () => sessionUserFromCookieHeader(request.headers.cookie));
      result = user ? await answer(user) : notSignedInAnswer;
    } catch (error) {
      result = apiErrorAnswer(error);
    }
    send(response, result);
  });
  return true;
}

function readBody(request: IncomingMessage): Promise<BodyText> {
  return bodyText(Number(request.headers['content-length'] ?? 0), async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  });
}

const apiHeaders = {
  'Content-Type': 'application/json',
  ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
  'Content-Security-Policy': apiSecurityPolicy,
};

function send(response: ServerResponse, { status, body, headers }: JsonAnswer): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...apiHeaders, ...headers, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
