/// <reference lib="webworker" />
import { compareOutput } from './compareOutput';
import type { RunCaseResult, RunRequest, RunResponse } from './protocol';

// Runs the student's compiled module against the visible cases, in this worker only (the page terminates it on
// timeout). Nothing here records a grade.
self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { js, cases, tolerance } = event.data;
  const post = (message: RunResponse) => (self as unknown as Worker).postMessage(message);
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  let module: Record<string, unknown>;
  try {
    module = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Record<string, unknown>;
  } catch (error) {
    post({ type: 'error', message: `Your code could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
    return;
  } finally {
    URL.revokeObjectURL(url);
  }
  const results: RunCaseResult[] = [];
  for (const testCase of cases) {
    const fn = module[testCase.entry];
    if (typeof fn !== 'function') {
      results.push({ name: testCase.name, passed: false, ms: 0, message: `Your code does not export a function named ${testCase.entry}.` });
      continue;
    }
    const started = performance.now();
    try {
      const actual = (fn as (...args: unknown[]) => unknown)(...structuredClone(testCase.args));
      const message = compareOutput(actual, testCase.expected, tolerance);
      results.push({ name: testCase.name, passed: message === null, ms: performance.now() - started, message: message ?? undefined, actual: safeJson(actual) });
    } catch (error) {
      results.push({
        name: testCase.name,
        passed: false,
        ms: performance.now() - started,
        message: `Threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      });
    }
    post({ type: 'progress', results: [...results] });
  }
  post({ type: 'done', results });
};

function safeJson(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    return text && text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  } catch {
    return undefined;
  }
}
