/// <reference lib="webworker" />
import { compareOutput } from './compareOutput';
import type { RunCaseResult, RunRequest, RunResponse } from './protocol';
import { resolveImports, tfShimSource } from './resolveImports';
import { runTolerance } from './runTolerance';

// Runs the student's compiled module against the visible cases, in this worker only (the page terminates it on
// timeout). Nothing here records a grade. tfjs is loaded only when the request asks for it (tf exercises).
const TF_GLOBAL = '__deltalabTf';

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { js, cases, tf: tfOptions } = event.data;
  let tolerance = event.data.tolerance;
  const post = (message: RunResponse) => (self as unknown as Worker).postMessage(message);
  const urls: string[] = [];
  const moduleUrl = (source: string) => {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    urls.push(url);
    return url;
  };

  let toPlain = (value: unknown) => value;
  let tfModuleUrl: string | undefined;
  if (tfOptions) {
    try {
      const { prepareTf, tensorsToArrays } = await import('./tfRuntime');
      const { tf, status } = await prepareTf(tfOptions);
      (globalThis as Record<string, unknown>)[TF_GLOBAL] = tf;
      tfModuleUrl = moduleUrl(tfShimSource(Object.keys(tf), TF_GLOBAL));
      toPlain = (value) => tensorsToArrays(tf, value);
      tolerance = runTolerance(tolerance, status.backend, tf.backend().floatPrecision());
      post({ type: 'tf', status: { ...status, tolerance } });
    } catch (error) {
      post({ type: 'error', message: `TensorFlow.js could not start: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
  }

  const resolved = resolveImports(js, { tfModuleUrl });
  if (!resolved.ok) {
    post({ type: 'error', message: resolved.message });
    return;
  }
  post({ type: 'started' });
  let studentModule: Record<string, unknown>;
  try {
    studentModule = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ moduleUrl(resolved.js))) as Record<string, unknown>;
  } catch (error) {
    post({ type: 'error', message: `Your code could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
    return;
  } finally {
    urls.forEach((url) => URL.revokeObjectURL(url));
  }
  const results: RunCaseResult[] = [];
  for (const testCase of cases) {
    const fn = studentModule[testCase.entry];
    if (typeof fn !== 'function') {
      results.push({ name: testCase.name, passed: false, ms: 0, message: `Your code does not export a function named ${testCase.entry}.` });
      continue;
    }
    const started = performance.now();
    try {
      const actual = toPlain((fn as (...args: unknown[]) => unknown)(...structuredClone(testCase.args)));
      const ms = performance.now() - started;
      const message = compareOutput(actual, testCase.expected, tolerance);
      results.push({ name: testCase.name, passed: message === null, ms, message: message ?? undefined, actual: safeJson(actual) });
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
