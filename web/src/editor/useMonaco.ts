'use client';

import { useEffect, useRef, useState } from 'react';
import { loadMonaco, type Monaco } from './loadMonaco';

interface TypeScriptSetup {
  typeDeclarations: string;
  usesTf: boolean;
  semanticChecks: boolean;
}

/** Monaco's TypeScript service set to check the student's code against the exercise's declarations (and tf's). */
function configureTypeScript(m: Monaco, { typeDeclarations, semanticChecks }: TypeScriptSetup, tfTypes: string | null) {
  const ts = m.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    strict: true,
    noEmitOnError: false,
    allowNonTsExtensions: true,
  });
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: !semanticChecks, noSyntaxValidation: false });
  ts.typescriptDefaults.setExtraLibs([
    { content: typeDeclarations, filePath: 'file:///exercise.d.ts' },
    // `declare module '@tensorflow/tfjs'`: resolves the student's import for checking (Run maps it to tfjs).
    ...(tfTypes ? [{ content: tfTypes, filePath: 'file:///node_modules/@tensorflow/tfjs/index.d.ts' }] : []),
  ]);
}

/**
 * Monaco, loaded and its TypeScript service configured (again whenever the declarations or checks change); `failed`
 * says why it could not load. `monacoRef` holds the same instance for the editor's mount callback.
 */
export function useMonaco({ typeDeclarations, usesTf, semanticChecks }: TypeScriptSetup) {
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const [failed, setFailed] = useState('');
  const monacoRef = useRef<Monaco | null>(null);

  useEffect(() => {
    let active = true;
    // tf's declarations (~15 kB) are a chunk of their own, fetched for tf exercises only.
    Promise.all([loadMonaco(), usesTf ? import('./tfDeclarations').then((d) => d.tfDeclarations) : null]).then(
      ([m, tfTypes]) => {
        if (!active) return;
        configureTypeScript(m, { typeDeclarations, usesTf, semanticChecks }, tfTypes);
        monacoRef.current = m;
        setMonaco(m);
      },
      (error: unknown) => active && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      active = false;
    };
  }, [typeDeclarations, usesTf, semanticChecks]);

  return { monaco, failed, monacoRef };
}
