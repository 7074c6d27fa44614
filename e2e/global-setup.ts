import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumVersion, resolveChromium } from './chromium';
import { assertWebBuildExists, seedDataDir, servedWebDirEnvVar, snapshotWebBuild, templateEnvVar } from './server';

/**
 * Seeds one embedded database before any worker starts; each worker's server runs on its own copy of it
 * (copying a closed PGlite directory takes milliseconds, creating one ~10-20 s on 2 cores).
 * Returns the teardown that deletes it.
 */
export default async function globalSetup(): Promise<() => void> {
  const chromium = resolveChromium();
  console.log(`e2e: ${chromiumVersion(chromium)}, ${chromium.description}`);
  assertWebBuildExists();
  // E2E_SNAPSHOT_BUILD=1: serve a private copy of the build, safe from a `next build` started meanwhile.
  if (process.env.E2E_SNAPSHOT_BUILD === '1') process.env[servedWebDirEnvVar] = snapshotWebBuild();
  const template = mkdtempSync(join(tmpdir(), 'deltalab-e2e-template-'));
  await seedDataDir(template, 'seed.log');
  process.env[templateEnvVar] = template;
  return () => rmSync(template, { recursive: true, force: true });
}
