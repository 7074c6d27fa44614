/**
 * Which Chromium the e2e suite drives, in this order:
 *   1. CHROMIUM_PATH, when set (it must exist);
 *   2. the system's, /usr/bin/chromium (Debian's `apt-get install chromium`);
 *   3. the one npm installed with this package: @sparticuz/chromium, a Chromium headless shell that ships inside the
 *      npm package (brotli-compressed, with SwiftShader for WebGL/WebGPU, fonts, and the NSS libraries it links),
 *      unpacked once into node_modules/.cache/. Nothing is downloaded, at install or at run time.
 * The config and every worker call chromiumLaunchOptions(); global-setup.ts prints which one is used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const NPM_CHROMIUM = '@sparticuz/chromium';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';

export interface ResolvedChromium {
  source: ChromiumSource;
  executablePath: string;
  /** Environment the browser needs on top of ours (the npm Chromium: its libraries and fonts). */
  env: Record<string, string>;
  /** One line for the log: which browser, from where. */
  description: string;
}

let resolved: ResolvedChromium | undefined;

/** The Chromium to use (see the order above); throws with what to do when there is none. */
export function resolveChromium(): ResolvedChromium {
  resolved ??= findChromium();
  return resolved;
}

function findChromium(): ResolvedChromium {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist. Unset it to use ${SYSTEM_CHROMIUM} or the npm Chromium.`);
    return { source: 'CHROMIUM_PATH', executablePath: fromEnv, env: {}, description: `CHROMIUM_PATH (${fromEnv})` };
  }
  if (existsSync(SYSTEM_CHROMIUM))
    return { source: 'system', executablePath: SYSTEM_CHROMIUM, env: {}, description: `the system's (${SYSTEM_CHROMIUM})` };
  const npm = npmChromium();
  if (npm) return npm;
  throw new Error(
    `No Chromium: CHROMIUM_PATH is unset, ${SYSTEM_CHROMIUM} does not exist, and ${NPM_CHROMIUM} is not installed ` +
      "(`npm ci` installs it with the e2e devDependencies). Or install Debian's: `apt-get install chromium`.",
  );
}

/** The npm Chromium, unpacked (once per version) into node_modules/.cache; undefined when the package is absent. */
function npmChromium(): ResolvedChromium | undefined {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  } catch {
    return undefined;
  }
  const packageDir = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(repoRoot, 'node_modules', '.cache', 'deltalab-e2e-chromium', version);
  if (!existsSync(join(dir, 'chromium'))) unpack(packageDir, dir);
  return {
    source: 'npm',
    executablePath: join(dir, 'chromium'),
    env: { FONTCONFIG_FILE: join(dir, 'fonts.conf'), ...libraryPath(dir) },
    description: `${NPM_CHROMIUM} ${version} from npm (unpacked in ${dir})`,
  };
}

/**
 * Unpacks the package's brotli archives with its own `inflate`, which writes into the OS temp dir: pointing TMPDIR at
 * a private directory keeps them out of /tmp. The chromium binary finds SwiftShader next to itself. Unpacked into a
 * sibling and renamed, so a run stopped half-way never leaves a broken cache.
 */
function unpack(packageDir: string, dir: string): void {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const script = `
    import { inflate } from ${JSON.stringify(NPM_CHROMIUM)};
    for (const file of ['chromium.br', 'swiftshader.tar.br', 'fonts.tar.br', 'al2023.tar.br']) await inflate(${JSON.stringify(join(packageDir, 'bin'))} + '/' + file);
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { ...process.env, TMPDIR: partial },
    stdio: 'inherit',
  });
  // The package's fonts.conf names Lambda's directories: ours names the unpacked fonts, then the system's fonts.
  writeFileSync(
    join(partial, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts', 'fonts')}</dir>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
  try {
    renameSync(partial, dir);
  } catch (error) {
    // Another process (a worker, a second run) finished first: use its copy.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
}

/**
 * The headless shell links NSS and expat. A machine without them (a bare container) gets the copies the package
 * ships (built for glibc ≥ 2.34); one that has them keeps its own.
 */
function libraryPath(dir: string): Record<string, string> {
  const missing = missingLibraries(join(dir, 'chromium'), {});
  if (missing.length === 0) return {};
  const env = { LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  const stillMissing = missingLibraries(join(dir, 'chromium'), env);
  if (stillMissing.length > 0) {
    throw new Error(
      `The npm Chromium needs ${stillMissing.join(', ')}, which this system lacks: install them (e.g. \`apt-get install libnss3\`) or set CHROMIUM_PATH.`,
    );
  }
  return env;
}

/** Shared libraries `ldd` cannot find for this binary (none when ldd itself is missing: the launch will say). */
function missingLibraries(binary: string, env: Record<string, string>): string[] {
  try {
    const out = execFileSync('ldd', [binary], { env: { ...process.env, ...env }, encoding: 'utf8' });
    return [...out.matchAll(/^\s*(\S+) => not found/gm)].map((m) => m[1]!);
  } catch {
    return [];
  }
}

/** "Chromium 153.0.8010.0" or similar, for the log. */
export function chromiumVersion(chromium: ResolvedChromium): string {
  try {
    return execFileSync(chromium.executablePath, ['--version'], { env: { ...process.env, ...chromium.env }, encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(`${chromium.description} does not start: ${(error as Error).message}`);
  }
}

/** Root without a sandbox, and no network: background services would only flood refused connections. */
const quietFlags = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch options for the resolved Chromium. `gpu: false` (the default) runs without a GPU; `gpu: true` lets WebGL and
 * WebGPU run on SwiftShader (software), for the spec that probes tfjs's GPU backends.
 */
export function chromiumLaunchOptions({ gpu = false }: { gpu?: boolean } = {}): LaunchOptions {
  const chromium = resolveChromium();
  return {
    executablePath: chromium.executablePath,
    args: gpu ? [...quietFlags, '--enable-unsafe-webgpu'] : [...quietFlags, '--disable-gpu'],
    ...(Object.keys(chromium.env).length > 0 ? { env: { ...process.env, ...chromium.env } as Record<string, string> } : {}),
  };
}
