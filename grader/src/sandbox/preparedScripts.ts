import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names the folder of scripts a grading child's supervisor built for it (process/childAssets.ts). A grading child may
 * not start processes, so it cannot run esbuild: it reads the sandbox's prelude, the tfjs bundles and Verify's
 * harness from there. Any other process (a supervisor, a test, the bench) builds them itself.
 */
export const GRADER_ASSETS_ENV = 'DELTALAB_GRADER_ASSETS';

/** The scripts besides student code that go into isolates, by the file name they are prepared under. */
export type SandboxScriptName = 'prelude' | 'tfjs-core' | 'tfjs-layers' | 'retrain-harness';

const read = new Map<SandboxScriptName, string>();

/** The prepared script when this process was given a folder of them, else undefined (build it here). */
export function preparedScript(name: SandboxScriptName): string | undefined {
  const dir = process.env[GRADER_ASSETS_ENV];
  if (!dir) return undefined;
  let text = read.get(name);
  if (text === undefined) {
    text = readFileSync(join(dir, `${name}.js`), 'utf8');
    read.set(name, text);
  }
  return text;
}
