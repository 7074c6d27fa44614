/**
 * The web server, as `npm start`, the e2e suite and bench:load start it (PORT, default 3000): Next.js's request
 * handler behind Node's own HTTP server. The two requests every submission makes (POST /api/submissions and the follow,
 * GET /api/submissions/:id) are answered without Next: Next's own work for a request costs several times the CPU of
 * theirs (README, "Where a submission's time goes"). The server's start (src/instrumentation.ts → runtime.ts)
 * hands over their handler, src/server/submissionRequests.ts, once the database is open; until then, and for every
 * other request, Next answers. `next dev` serves the same routes through app/api/submissions.
 */
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: import.meta.dirname, port });
await app.prepare();
const answerWithNext = app.getRequestHandler();

const server = createServer((request, response) => {
  if (globalThis.__deltalabSubmissionRequests?.(request, response)) return;
  void answerWithNext(request, response);
});
// An idle keep-alive connection is closed after 65 s, not Node's 5: a client (a browser, a proxy, a test's request
// context) that sends on a connection just as the server closes it gets ECONNRESET, and proxies keep theirs for 60 s.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (error) => {
  console.error(`✖ The web server cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`✓ Deltalab serving on http://localhost:${port}`));

// Stop at once on a signal (the grading queue hands back what was in hand at the next start); exiting, rather than
// dying of the signal, lets Node write what it was asked to at exit (--cpu-prof).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => process.exit(code));
}
