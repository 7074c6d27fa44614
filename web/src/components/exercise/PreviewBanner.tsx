import Link from 'next/link';
import type { VariantSelector } from '@deltalab/exercises';

interface StudentOption {
  userId: string;
  name: string;
  email: string;
}

/**
 * Tells an instructor they are previewing, which variant, and lets them pick another: the notes' numbers, any
 * seed, or a student's own variant. Plain GET forms: works without JavaScript and with the keyboard.
 */
export function PreviewBanner({
  slug,
  variant,
  student,
  students,
  problem,
}: {
  slug: string;
  variant: VariantSelector;
  student: StudentOption | null;
  students: StudentOption[];
  problem?: string;
}) {
  const showing =
    student !== null
      ? `${student.name}’s variant (seed ${variant})`
      : variant === 'canonical'
        ? 'the canonical variant (the numbers of the course notes)'
        : `the variant with seed ${variant}`;
  return (
    <section
      aria-labelledby="preview-heading"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      data-testid="preview-banner"
    >
      <h2 id="preview-heading" className="text-base font-semibold text-amber-950">
        Preview
      </h2>
      <p className="text-amber-950">
        You see this exercise as a student would, on <strong data-testid="preview-variant">{showing}</strong>. Answers and code you check
        here are graded at once against this variant; nothing is stored.
      </p>
      {problem && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {problem} — showing the canonical variant.
        </p>
      )}
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <Link
          href={`/exercises/${slug}?variant=canonical`}
          className="btn btn-secondary"
          aria-current={variant === 'canonical' ? 'true' : undefined}
        >
          Canonical variant
        </Link>
        <form method="get" action={`/exercises/${slug}`} className="flex items-end gap-2">
          <div>
            <label htmlFor="preview-seed" className="label">
              Seed
            </label>
            <input
              id="preview-seed"
              name="variant"
              inputMode="numeric"
              pattern="[0-9]*"
              required
              defaultValue={student === null && typeof variant === 'number' ? String(variant) : ''}
              className="input w-36 font-mono"
            />
          </div>
          <button type="submit" className="btn btn-secondary">
            Show seed
          </button>
        </form>
        {students.length > 0 && (
          <form method="get" action={`/exercises/${slug}`} className="flex min-w-0 items-end gap-2">
            <div className="min-w-0">
              <label htmlFor="preview-student" className="label">
                As student
              </label>
              <select id="preview-student" name="student" defaultValue={student?.userId ?? students[0]?.userId} className="input max-w-56">
                {students.map((s) => (
                  <option key={s.userId} value={s.userId}>
                    {s.name} ({s.email})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-secondary">
              Show
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
