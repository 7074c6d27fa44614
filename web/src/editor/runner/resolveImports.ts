/**
 * The student's code reaches the Run worker as an ES module (Monaco's TypeScript emit) loaded from a blob: URL,
 * where a bare specifier like '@tensorflow/tfjs' cannot resolve. The same rule as the grader's compile step
 * applies: '@tensorflow/tfjs' (or -core) becomes the worker's own tf, through a shim module's URL, when the
 * exercise uses tfjs; any other import is refused with the grader's message.
 */

const TF_MODULES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core'];

export type ResolvedImports = { ok: true; js: string } | { ok: false; message: string };

/** `import … from 'x'`, `import 'x'`, `export … from 'x'` (static forms only; the specifier is group 3). */
const STATIC_IMPORT = /(\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*\bfrom\s*)?)(['"])([^'"\n]+)\2/g;
const DYNAMIC_IMPORT = /(^|[^.\w$])import\s*\(/;

export function resolveImports(js: string, options: { tfModuleUrl?: string }): ResolvedImports {
  const refused: string[] = [];
  const rewritten = js.replace(STATIC_IMPORT, (whole, head: string, quote: string, specifier: string) => {
    if (options.tfModuleUrl && TF_MODULES.includes(specifier)) return `${head}${quote}${options.tfModuleUrl}${quote}`;
    refused.push(specifier);
    return whole;
  });
  const first = refused[0];
  if (first !== undefined) {
    const hint = TF_MODULES.includes(first)
      ? 'this exercise does not use TensorFlow.js'
      : options.tfModuleUrl
        ? "only '@tensorflow/tfjs' can be imported"
        : 'imports are not available in this exercise';
    return { ok: false, message: `Cannot import '${first}': ${hint}.` };
  }
  if (DYNAMIC_IMPORT.test(rewritten))
    return { ok: false, message: 'import() is not available: the grader provides no modules at run time.' };
  return { ok: true, js: rewritten };
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval'
  ).split(' '),
);

/**
 * Source of an ES module that re-exports the object at `globalThis[globalName]`: a named export per property (so
 * `import { grad } from '@tensorflow/tfjs'` works) and the object itself as the default export (as the grader's
 * esbuild interop does for `import tf from …`).
 */
export function tfShimSource(names: readonly string[], globalName: string): string {
  const exported = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !RESERVED.has(n));
  return `const tf = globalThis[${JSON.stringify(globalName)}];\nexport default tf;\nexport const { ${exported.join(', ')} } = tf;\n`;
}
