const styles = {
  'not-started': 'bg-slate-100 text-slate-700',
  attempted: 'bg-amber-100 text-amber-900',
  solved: 'bg-green-100 text-green-900',
} as const;

const labels = { 'not-started': 'Not started', attempted: 'Attempted', solved: 'Solved' } as const;

export function StatusBadge({ status }: { status: keyof typeof styles }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`}>{labels[status]}</span>;
}
