import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getExercise, instantiateVariant } from '@deltalab/exercises';
import { DEFAULT_CODE_TOLERANCE } from '@deltalab/exercises/rules';
import * as tf from '@tensorflow/tfjs';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { fastestBackend, parseStoredChoice, pickBackend } from '@/editor/runner/backendChoice';
import { compareOutput } from '@/editor/runner/compareOutput';
import type { ProbeTiming } from '@/editor/runner/protocol';
import { resolveImports, tfShimSource } from '@/editor/runner/resolveImports';
import { GPU_RUN_TIME_FACTOR, runTimeLimitMessage, runTimeLimitMs } from '@/editor/runner/runTimeLimit';
import { formatRelative, formatTolerance, runTolerance } from '@/editor/runner/runTolerance';
import { tfDeclarations } from '@/editor/tfDeclarations';

const slug = 'gradient-descent-tf-code';
const exercise = (() => {
  const found = getExercise(slug);
  if (found.kind !== 'code') throw new Error('code expected');
  return found;
})();
const tfUrl = 'blob:http://localhost/tf-shim';

describe('resolveImports (the Run worker maps the student’s tfjs import to its own tf)', () => {
  it('rewrites namespace, named, default and re-export imports of @tensorflow/tfjs and -core', () => {
    const js = [
      "import * as tf from '@tensorflow/tfjs';",
      'import { grad, tensor1d as t } from "@tensorflow/tfjs";',
      "import tfDefault from '@tensorflow/tfjs-core';",
      "import {\n  sigmoid,\n  mean\n} from '@tensorflow/tfjs';",
      "export { tidy } from '@tensorflow/tfjs';",
      "export function f() { return 'from @tensorflow/tfjs'; }",
    ].join('\n');
    const resolved = resolveImports(js, { tfModuleUrl: tfUrl });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.js).not.toMatch(/from\s*['"]@tensorflow/);
    expect(resolved.js.match(new RegExp(tfUrl, 'g'))).toHaveLength(5);
    expect(resolved.js).toContain(`import * as tf from '${tfUrl}';`);
    expect(resolved.js).toContain("return 'from @tensorflow/tfjs';"); // a string is not an import
  });

  it('refuses other modules, tfjs where the exercise does not use it, and import(), with the grader’s words', () => {
    expect(resolveImports("import fs from 'fs';", { tfModuleUrl: tfUrl })).toEqual({
      ok: false,
      message: "Cannot import 'fs': only '@tensorflow/tfjs' can be imported.",
    });
    expect(resolveImports("import './other.js';", {})).toEqual({
      ok: false,
      message: "Cannot import './other.js': imports are not available in this exercise.",
    });
    expect(resolveImports("import * as tf from '@tensorflow/tfjs';", {})).toEqual({
      ok: false,
      message: "Cannot import '@tensorflow/tfjs': this exercise does not use TensorFlow.js.",
    });
    expect(resolveImports("export async function f() { return import('x'); }", {}).ok).toBe(false);
    expect(resolveImports('export function f(x) { return x.import(1); }', {}).ok).toBe(true);
  });

  it('the shim exports every identifier-named property and the object as default', () => {
    const source = tfShimSource(['grad', 'train', 'default', 'not-an-identifier', 'version_core'], '__tf');
    expect(source).toContain('export default tf;');
    expect(source).toContain('export const { grad, train, version_core } = tf;');
  });
});

describe('the tf exercise’s solution, compiled as Monaco compiles it, runs through the rewritten import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deltalab-tfrun-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes every visible case against the real tfjs (cpu) with the Run comparison', async () => {
    await tf.setBackend('cpu');
    const source = exercise.solutionSource!;
    // Monaco's TypeScript worker: target ES2020, module ESNext (MonacoCodeEditor.tsx).
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText;
    expect(js).toContain("from '@tensorflow/tfjs'");
    (globalThis as Record<string, unknown>).__deltalabTfTest = tf;
    const shim = join(dir, 'tf-shim.mjs');
    writeFileSync(shim, tfShimSource(Object.keys(tf), '__deltalabTfTest'));
    const resolved = resolveImports(js, { tfModuleUrl: pathToFileURL(shim).href });
    if (!resolved.ok) throw new Error(resolved.message);
    const studentFile = join(dir, 'student.mjs');
    writeFileSync(studentFile, resolved.js);
    const module = (await import(/* @vite-ignore */ pathToFileURL(studentFile).href)) as Record<string, (...args: unknown[]) => unknown>;
    const cases = instantiateVariant(exercise, 'canonical').visibleCases!;
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const actual = module[c.entry]!(...structuredClone(c.args));
      expect(compareOutput(actual, c.expected, exercise.tolerance), c.name).toBeNull();
    }
  });
});

describe('tfDeclarations (Monaco’s types for tf exercises)', () => {
  /** Type-checks `code` as Monaco does: the exercise's declarations and tf's as extra libs, strict. */
  function check(code: string, typeDeclarations = exercise.typeDeclarations): string[] {
    const files: Record<string, string> = {
      '/submission.ts': code,
      '/exercise.d.ts': typeDeclarations,
      '/node_modules/@tensorflow/tfjs/index.d.ts': tfDeclarations,
    };
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      strict: true,
      noEmit: true,
      lib: ['lib.es2020.d.ts'],
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => files[name] ?? readFile(name);
    host.fileExists = (name) => name in files || ts.sys.fileExists(name);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name in files ? ts.createSourceFile(name, files[name]!, version) : getSourceFile(name, version);
    const program = ts.createProgram(['/submission.ts', '/exercise.d.ts', '/node_modules/@tensorflow/tfjs/index.d.ts'], options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('the solution, the known-wrong solution and the starter type-check', () => {
    expect(check(exercise.solutionSource!), 'solution.ts').toEqual([]);
    expect(check(exercise.knownWrongSource!), 'known-wrong.ts').toEqual([]);
    expect(check(exercise.starter), 'starter').toEqual([]);
  });

  it("every challenge's starter and the form's code type-check (tf.sequential, tf.layers, compile)", async () => {
    const { loadExercises } = await import('@deltalab/exercises');
    const { formToCode, starterForm } = await import('@/components/challenge/modelForm');
    for (const challenge of loadExercises()) {
      if (challenge.kind !== 'challenge') continue;
      expect(check(challenge.starter, challenge.typeDeclarations), challenge.slug).toEqual([]);
      const form = { ...starterForm(3), l2: 0.001 };
      expect(check(formToCode(form, 3), challenge.typeDeclarations), `${challenge.slug} form`).toEqual([]);
    }
  });

  it('catches what the real types catch: unknown ops, a Tensor where a Scalar is needed', () => {
    expect(check("import * as tf from '@tensorflow/tfjs';\nexport const x = tf.notAnOp(1);").join()).toContain(
      "Property 'notAnOp' does not exist",
    );
    const noCast =
      "import * as tf from '@tensorflow/tfjs';\nconst v = tf.variable(tf.scalar(1));\nexport const g = tf.variableGrads(() => tf.mean(tf.square(v)) as tf.Tensor, [v]);";
    expect(check(noCast).join()).toMatch(/not assignable to type 'Scalar'|not assignable to type 'Tensor<Rank.R0>'/);
  });
});

describe('runTolerance (Run on a GPU checks to a looser tolerance; the grade never does)', () => {
  // The exercise's own (the grader's) tolerance, as the page hands it to Run: DEFAULT_CODE_TOLERANCE.
  const exerciseTolerance = DEFAULT_CODE_TOLERANCE;

  it('keeps the exercise’s tolerance on cpu and wasm, and when no tfjs backend is involved', () => {
    for (const backend of ['cpu', 'wasm', null] as const) expect(runTolerance(exerciseTolerance, backend, 32)).toEqual(exerciseTolerance);
  });

  it('allows 1% relative on float32 GPU backends and 10% where the GPU only has float16', () => {
    for (const backend of ['webgl', 'webgpu'] as const) {
      expect(runTolerance(exerciseTolerance, backend, 32)).toEqual({ mode: 'relative', max: 1e-2, floor: 1e-4 });
      expect(runTolerance(exerciseTolerance, backend, 16)).toEqual({ mode: 'relative', max: 1e-1, floor: 1e-3 });
    }
  });

  it('never tightens an exercise that is already looser', () => {
    expect(runTolerance({ mode: 'relative', max: 0.05, floor: 0.01 }, 'webgl', 32)).toEqual({ mode: 'relative', max: 0.05, floor: 0.01 });
  });

  it('accepts the drift seen on software WebGL (2e-3 after 10 steps) that the grader’s own tolerance refuses', () => {
    const [got, expected] = [-0.657213032245636, -0.6558709740638733];
    expect(compareOutput(got, expected, exerciseTolerance)).not.toBeNull();
    expect(compareOutput(got, expected, runTolerance(exerciseTolerance, 'webgl', 32))).toBeNull();
  });

  it('formats relative tolerances as the page shows them', () => {
    expect([formatRelative(1e-2), formatRelative(1e-3), formatRelative(5e-3), formatRelative(0.1)]).toEqual(['1%', '0.1%', '0.5%', '10%']);
    expect(formatTolerance(DEFAULT_CODE_TOLERANCE)).toBe('0.1%');
    expect(formatTolerance({ mode: 'sigfigs', digits: 3 })).toBe('3 significant figures');
  });
});

describe('compareOutput (Run) uses the grader’s own rule', () => {
  it('agrees with the shared isWithinTolerance on every number, and names the first difference', () => {
    expect(compareOutput([1.0009, 2], [1, 2], DEFAULT_CODE_TOLERANCE)).toBeNull();
    expect(compareOutput([1, 2.003], [1, 2], DEFAULT_CODE_TOLERANCE)).toBe('result[1]: got 2.003, expected 2');
    expect(compareOutput({ w: [0.0818] }, { w: [0.082167] }, { mode: 'sigfigs', digits: 3 })).toBe(
      'result.w[0]: got 0.0818, expected 0.082167',
    );
    expect(compareOutput([NaN], [NaN], DEFAULT_CODE_TOLERANCE)).toBe('result[0]: got NaN, expected NaN');
  });
});

describe('backend choice', () => {
  const probe: ProbeTiming[] = [
    { backend: 'cpu', ok: true, ms: 12, warmupMs: 40 },
    { backend: 'wasm', ok: true, ms: 9, warmupMs: 30 },
    { backend: 'webgl', ok: true, ms: 250, warmupMs: 3000 },
    { backend: 'webgpu', ok: false, reason: 'no WebGPU adapter' },
  ];

  it('the probe picks the fastest timed backend, not a fixed order; ties go to cpu', () => {
    expect(fastestBackend(probe)).toBe('wasm');
    expect(fastestBackend([{ backend: 'webgl', ok: true, ms: 5, warmupMs: 900 }, ...probe.slice(0, 2)])).toBe('webgl');
    expect(
      fastestBackend([
        { backend: 'wasm', ok: true, ms: 9, warmupMs: 1 },
        { backend: 'cpu', ok: true, ms: 9, warmupMs: 1 },
      ]),
    ).toBe('cpu');
    expect(fastestBackend([{ backend: 'cpu', ok: false, reason: 'x' }])).toBeNull();
  });

  it('never picks a GPU drawn in software, nor float16 for training', () => {
    const gpu = [
      { backend: 'cpu', ok: true, ms: 20, warmupMs: 1 },
      { backend: 'webgl', ok: true, ms: 5, warmupMs: 900, software: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))', precision: 32 },
      { backend: 'webgpu', ok: true, ms: 4, warmupMs: 900, precision: 16 },
    ] as const;
    expect(fastestBackend(gpu)).toBe('webgpu');
    expect(fastestBackend(gpu, { avoidFloat16: true })).toBe('cpu');
    expect(pickBackend('auto', gpu, { avoidFloat16: true })).toEqual({ backend: 'cpu', reason: 'fastest in the probe' });
    // the student may still choose it
    expect(pickBackend('webgl', gpu)).toEqual({ backend: 'webgl', reason: 'your choice' });
  });

  it('a student choice wins when available, else the fastest with the reason', () => {
    expect(pickBackend('auto', probe)).toEqual({ backend: 'wasm', reason: 'fastest in the probe' });
    expect(pickBackend('cpu', probe)).toEqual({ backend: 'cpu', reason: 'your choice' });
    expect(pickBackend('webgpu', probe)).toEqual({
      backend: 'wasm',
      reason: 'webgpu is not available here (no WebGPU adapter); the probe picked the fastest',
    });
  });

  it('a remembered choice is read back only when it is one of the choices', () => {
    expect(parseStoredChoice('wasm')).toBe('wasm');
    expect(parseStoredChoice('auto')).toBe('auto');
    expect(parseStoredChoice('tpu')).toBe('auto');
    expect(parseStoredChoice(null)).toBe('auto');
  });
});

describe('runTimeLimitMs (Run on a GPU gets time to compile its shaders; the grade never does)', () => {
  it('keeps the page’s limit on cpu and wasm, and when no tfjs backend is involved', () => {
    for (const backend of ['cpu', 'wasm', null] as const) expect(runTimeLimitMs(10_000, backend)).toBe(10_000);
  });

  it('gives webgl and webgpu a multiple of it, and says why when it stops them', () => {
    expect(GPU_RUN_TIME_FACTOR).toBeGreaterThan(1);
    for (const backend of ['webgl', 'webgpu'] as const) {
      const ms = runTimeLimitMs(10_000, backend);
      expect(ms).toBe(10_000 * GPU_RUN_TIME_FACTOR);
      expect(runTimeLimitMessage(ms, backend)).toBe(
        `Stopped after ${(ms / 1000).toFixed(1)} s: your code took too long (an endless loop?). On ${backend} that is ${GPU_RUN_TIME_FACTOR}× the limit on cpu and wasm, for compiling its shaders.`,
      );
    }
    expect(runTimeLimitMessage(5000, 'wasm')).toBe('Stopped after 5.0 s: your code took too long (an endless loop?).');
  });
});
