#!/usr/bin/env node
/**
 * `npm run lint`: the package boundaries of the brief, checked on every import of every source file.
 *   - our packages depend one way: web → grader, exercises, db; grader → exercises; exercises, db → none of ours;
 *     e2e → web only (its index: the authorization policy the e2e matrix takes its expectations from);
 *   - another package is reached through its public entry points (package.json "exports"), never a relative path
 *     into its folder or an undeclared subpath;
 *   - every third-party import is declared in the importing package's package.json (or the root's devDependencies).
 * Usage: node scripts/check-boundaries.mjs [package …]   (default: all). Exit 1 with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const allowed = { db: [], exercises: [], grader: ['exercises'], web: ['grader', 'exercises', 'db'], e2e: ['web'] };
const packages = Object.keys(allowed);
const manifest = (dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nameToDir = Object.fromEntries(packages.map((dir) => [manifest(dir).name, dir]));
const builtins = new Set(builtinModules);
const skipDirs = new Set(['node_modules', '.next', 'artifacts', 'public', '.web-snapshot', 'dist', 'coverage']);
const sourceFile = /\.(ts|tsx|mts|mjs|js)$/;

function sourceFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    if (skipDirs.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (sourceFile.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Every module specifier the file imports, re-exports, require()s or import()s, as TypeScript's scanner sees them. */
function importsOf(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

const packageName = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);

const selected = process.argv.slice(2).length > 0 ? process.argv.slice(2) : packages;
const violations = [];
let checked = 0;
for (const dir of selected) {
  if (!packages.includes(dir)) {
    console.error(`Unknown package "${dir}" (one of ${packages.join(', ')}).`);
    process.exit(2);
  }
  const own = manifest(dir);
  const declared = new Set([
    ...Object.keys(own.dependencies ?? {}),
    ...Object.keys(own.devDependencies ?? {}),
    ...Object.keys(rootManifest.devDependencies ?? {}),
  ]);
  const packageRoot = join(root, dir);
  for (const file of sourceFiles(packageRoot)) {
    checked++;
    const where = relative(root, file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (target !== packageRoot && !target.startsWith(packageRoot + sep)) {
          violations.push(`${where}: '${specifier}' reaches outside ${dir}/ — import the other package by its name`);
        }
        continue;
      }
      if (
        specifier.startsWith('node:') ||
        builtins.has(specifier.split('/')[0]) ||
        specifier.startsWith('@/') ||
        specifier.startsWith('virtual:')
      )
        continue;
      const name = packageName(specifier);
      const targetDir = nameToDir[name];
      if (targetDir) {
        if (targetDir === dir) continue;
        if (!allowed[dir].includes(targetDir)) {
          violations.push(`${where}: ${dir} may not import ${name} (${dir} → ${allowed[dir].join(', ') || 'none of ours'})`);
          continue;
        }
        const subpath = '.' + specifier.slice(name.length);
        if (!Object.hasOwn(manifest(targetDir).exports ?? {}, subpath)) {
          violations.push(
            `${where}: '${specifier}' is not a public entry of ${name} (exports: ${Object.keys(manifest(targetDir).exports ?? {}).join(', ')})`,
          );
        }
        if (!declared.has(name)) violations.push(`${where}: ${name} is not declared in ${dir}/package.json`);
        continue;
      }
      if (!declared.has(name) && !name.startsWith('@types/')) violations.push(`${where}: '${name}' is not declared in ${dir}/package.json`);
    }
  }
}

if (violations.length > 0) {
  console.error(violations.join('\n'));
  console.error(`\n✖ ${violations.length} boundary violation(s) in ${checked} files`);
  process.exit(1);
}
console.log(`✔ package boundaries hold (${checked} files in ${selected.join(', ')})`);
