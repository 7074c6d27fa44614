import dynamic from 'next/dynamic';
import type { CodeEditorHandle } from '@/editor/MonacoCodeEditor';

// Monaco is big: a separate chunk, loaded in the browser only, on code exercise pages only.
const MonacoCodeEditor = dynamic(() => import('@/editor/MonacoCodeEditor'), {
  ssr: false,
  loading: () => <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

/**
 * The student's code under its heading: Monaco (type-checked against the exercise's declarations) or a plain textarea,
 * the switch between them, and the signatures and types to write against.
 */
export function CodeEditorField({
  plain,
  onPlainChange,
  code,
  onChange,
  editorKey,
  typeDeclarations,
  signatures,
  usesTf,
  onReady,
}: {
  plain: boolean;
  onPlainChange: (plain: boolean) => void;
  code: string;
  onChange: (code: string) => void;
  /** A new key remounts Monaco with `code` (a restored submission). */
  editorKey: number;
  typeDeclarations: string;
  signatures: string[];
  usesTf: boolean;
  onReady: (handle: CodeEditorHandle) => void;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Your code</h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={plain} onChange={(e) => onPlainChange(e.currentTarget.checked)} className="size-4" />
          Plain text editor
        </label>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Signature and types</summary>
        <pre className="mt-2 overflow-auto rounded bg-slate-100 p-3 text-xs">
          {[typeDeclarations.trim(), ...signatures].filter(Boolean).join('\n\n')}
        </pre>
      </details>
      <div className="overflow-hidden rounded-md border border-slate-300">
        {plain ? (
          <textarea
            aria-label="Code editor (plain text)"
            className="block h-80 w-full resize-y p-3 font-mono text-sm"
            value={code}
            spellCheck={false}
            onChange={(e) => onChange(e.currentTarget.value)}
          />
        ) : (
          <MonacoCodeEditor
            key={editorKey}
            value={code}
            onChange={onChange}
            typeDeclarations={typeDeclarations}
            usesTf={usesTf}
            label="Code editor"
            onReady={onReady}
          />
        )}
      </div>
    </>
  );
}
