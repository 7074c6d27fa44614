import Link from 'next/link';
import type { CourseMember } from '@deltalab/db';
import type { VariantSelector } from '@deltalab/exercises';

/** A student an instructor may preview the exercise as. */
export type PreviewStudent = Pick<CourseMember, 'userId' | 'name' | 'email'>;

function SeedForm({ slug, seed }: { slug: string; seed: string }) {
  return (
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
          defaultValue={seed}
          className="input w-36 font-mono"
        />
      </div>
      <button type="submit" className="btn btn-secondary">
        Show seed
      </button>
    </form>
  );
}

function StudentForm({ slug, student, students }: { slug: string; student: PreviewStudent | null; students: PreviewStudent[] }) {
  return (
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
  );
}

/** The ways to pick another variant: the canonical one, a seed (filled in when one is shown), or a student's own. */
export function PreviewVariantPicker({
  slug,
  variant,
  student,
  students,
}: {
  slug: string;
  variant: VariantSelector;
  student: PreviewStudent | null;
  students: PreviewStudent[];
}) {
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <Link
        href={`/exercises/${slug}?variant=canonical`}
        className="btn btn-secondary"
        aria-current={variant === 'canonical' ? 'true' : undefined}
      >
        Canonical variant
      </Link>
      <SeedForm slug={slug} seed={student === null && typeof variant === 'number' ? String(variant) : ''} />
      {students.length > 0 && <StudentForm slug={slug} student={student} students={students} />}
    </div>
  );
}
