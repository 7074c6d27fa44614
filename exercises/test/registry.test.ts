import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercisesContentDir } from '../src/index';
import { registrySource } from '../scripts/registry';

describe('content/index.ts, the generated registry', () => {
  it('lists every exercise folder: it is what `npm run registry -w @deltalab/exercises` writes', () => {
    const contentDir = exercisesContentDir();
    expect(
      readFileSync(path.join(contentDir, 'index.ts'), 'utf8'),
      'content/index.ts is stale: npm run registry -w @deltalab/exercises',
    ).toBe(registrySource(contentDir));
  });

  it('picks up each <topic>/<slug>/ with a definition.ts, and nothing else', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'deltalab-registry-'));
    const file = (name: string) => {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), '');
    };
    file('losses/new-loss/definition.ts');
    file('backprop/2-layer-net/definition.ts');
    file('backprop/notes-only/statement.md');
    file('challenges/shared.ts');
    file('index.ts');
    const source = registrySource(root);
    expect(source).toContain("import _2LayerNet from './backprop/2-layer-net/definition';");
    expect(source).toContain("  { dir: 'losses/new-loss', definition: newLoss },");
    expect(source.match(/^import \w+ from/gm)).toHaveLength(2);
    expect(source.indexOf('backprop/2-layer-net')).toBeLessThan(source.indexOf('losses/new-loss'));
  });

  it('refuses two folders whose slugs give one identifier', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'deltalab-registry-'));
    for (const dir of ['losses/same-slug', 'backprop/same-slug']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'definition.ts'), '');
    }
    expect(() => registrySource(root)).toThrow('two exercise folders give the identifier sameSlug: backprop/same-slug, losses/same-slug');
  });
});
