'use client';

import Editor, { type OnMount } from '@monaco-editor/react';
import { editorTheme, type Monaco } from './loadMonaco';
import { useMonaco } from './useMonaco';

export interface CodeEditorHandle {
  /** The editor's code compiled to JavaScript by Monaco's TypeScript worker. */
  compile(): Promise<{ js: string } | { error: string }>;
}

export interface MonacoCodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** Declarations for the exercise (e.g. `type Layer`) so the student's code is type-checked against them. */
  typeDeclarations: string;
  /** The exercise lets the student import '@tensorflow/tfjs': declare its types too. */
  usesTf?: boolean;
  onReady?(handle: CodeEditorHandle): void;
  label: string;
  /** The model's file name (several editors on one page need one each). */
  path?: string;
  /**
   * Type-check against the declarations (default). Off for exercise files written in the site: their imports
   * (`../../../src/tf`) are resolved by the grader's compiler, not in the browser.
   */
  semanticChecks?: boolean;
}

const modelPath = 'file:///submission.ts';

/** The handle a mounted editor gives its page: its code compiled by Monaco's TypeScript worker. */
function compilerHandle(m: Monaco, editor: Parameters<OnMount>[0]): CodeEditorHandle {
  return {
    async compile() {
      const model = editor.getModel();
      if (!model) return { error: 'The editor is not ready yet.' };
      const getWorker = await m.typescript.getTypeScriptWorker();
      const worker = await getWorker(model.uri);
      const output = await worker.getEmitOutput(model.uri.toString());
      const file = output.outputFiles.find((f: { name: string }) => f.name.endsWith('.js'));
      return file ? { js: file.text } : { error: 'TypeScript produced no JavaScript.' };
    },
  };
}

export default function MonacoCodeEditor({
  value,
  onChange,
  typeDeclarations,
  usesTf = false,
  onReady,
  label,
  path = modelPath,
  semanticChecks = true,
}: MonacoCodeEditorProps) {
  const { monaco, failed, monacoRef } = useMonaco({ typeDeclarations, usesTf, semanticChecks });

  const onMount: OnMount = (editor) => {
    const m = monacoRef.current;
    if (!m) return;
    editor.updateOptions({ ariaLabel: label });
    onReady?.(compilerHandle(m, editor));
  };

  if (failed)
    return (
      <p role="alert" className="text-sm text-red-800">
        The editor failed to load: {failed}
      </p>
    );
  if (!monaco) return <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>;
  return (
    <Editor
      height="20rem"
      defaultLanguage="typescript"
      path={path}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      onMount={onMount}
      theme={editorTheme}
      // showUnused off: Monaco fades unused code to a contrast no one can read (axe: color-contrast).
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        tabSize: 2,
        automaticLayout: true,
        showUnused: false,
      }}
    />
  );
}
