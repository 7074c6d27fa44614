import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { preparedScript } from './preparedScripts';

/**
 * Where tfjs-core is installed, found from this module or, inside a server bundle whose import.meta.url is
 * not this file, from the working directory.
 */
function locateTfjsCore(): { version: string; resolveDir: string } {
  for (const base of [import.meta.url, pathToFileURL(`${process.cwd()}/`).href]) {
    try {
      const packageJson = createRequire(base).resolve('@tensorflow/tfjs-core/package.json');
      const version = (createRequire(base)(packageJson) as { version: string }).version;
      // …/node_modules/@tensorflow/tfjs-core/package.json → the directory holding node_modules
      return { version, resolveDir: dirname(dirname(dirname(dirname(packageJson)))) };
    } catch {
      // try the next base
    }
  }
  throw new Error('@tensorflow/tfjs-core is not installed: the sandbox cannot offer tfjs');
}

/** tfjs-core with the cpu backend, gradients and chained ops (`x.square()`), as one classic script defining `tf`. */
const ENTRY = `
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
`;

/**
 * What a bundle holds: 'core' for code exercises; 'layers' adds tfjs-layers (tf.sequential, tf.layers, model.fit),
 * for challenges' Verify, which re-trains a student's model (~+300 kB, so only the jobs that need it load it).
 */
export type TfjsFlavour = 'core' | 'layers';
const ENTRIES: Record<TfjsFlavour, string> = { core: ENTRY, layers: `${ENTRY}export * from '@tensorflow/tfjs-layers';\n` };

/**
 * Runs in the context right after the bundle. tfjs finds no known platform in an isolate (no window,
 * no process), so give it one made of what V8 alone offers; fetch and string encoding are not needed
 * by grading and fail loudly if used.
 */
export const TFJS_PLATFORM_SETUP = `
tf.setPlatform('deltalab-isolate', {
  fetch() { throw new Error('fetch is not available in the grader'); },
  now() { return Date.now(); },
  encode() { throw new Error('string tensors are not available in the grader'); },
  decode() { throw new Error('string tensors are not available in the grader'); },
  isTypedArray(a) {
    return a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray;
  },
});
tf.setBackend('cpu');
`;

const bundles = new Map<TfjsFlavour, Promise<string>>();

/** The bundle source, built once per machine (cached in the OS temp dir by flavour, tfjs and esbuild version). */
export function loadTfjsBundle(flavour: TfjsFlavour = 'core'): Promise<string> {
  let bundle = bundles.get(flavour);
  if (!bundle) {
    const prepared = preparedScript(flavour === 'core' ? 'tfjs-core' : 'tfjs-layers');
    bundle = (prepared === undefined ? buildOrReadCached(flavour) : Promise.resolve(prepared)).catch((error) => {
      bundles.delete(flavour);
      throw error;
    });
    bundles.set(flavour, bundle);
  }
  return bundle;
}

async function buildOrReadCached(flavour: TfjsFlavour): Promise<string> {
  const esbuild = await import('esbuild');
  const { version: tfVersion, resolveDir } = locateTfjsCore();
  const name = flavour === 'core' ? 'tfjs-core-cpu' : 'tfjs-layers-cpu';
  const file = join(tmpdir(), 'deltalab-grader', `${name}-${tfVersion}-esbuild-${esbuild.version}.js`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    // not cached yet
  }
  const result = await esbuild.build({
    stdin: { contents: ENTRIES[flavour], resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'tf',
    minify: true,
    platform: 'browser',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.text;
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, code);
  await rename(partial, file);
  return code;
}
