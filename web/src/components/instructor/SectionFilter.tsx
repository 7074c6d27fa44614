/**
 * Narrows a dashboard to one section's students: a plain GET form (`?section=`), so the page, its figures and its links
 * all follow it without client code.
 */
export function SectionFilter({ sections, current }: { sections: string[]; current: string | null }) {
  if (sections.length === 0) return null;
  return (
    <form method="get" className="flex items-center gap-2 text-sm" aria-label="Filter by section">
      <label htmlFor="section-filter">Section</label>
      <select id="section-filter" name="section" defaultValue={current ?? ''} className="input w-auto">
        <option value="">all students</option>
        {sections.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1">
        Show
      </button>
    </form>
  );
}
