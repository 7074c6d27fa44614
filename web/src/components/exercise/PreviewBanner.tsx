import type { VariantSelector } from '@deltalab/exercises';
import { PreviewVariantPicker, type PreviewStudent } from './PreviewVariantPicker';

/** The variant shown, in words. */
function variantShown(variant: VariantSelector, student: PreviewStudent | null): string {
  return student !== null
    ? `${student.name}’s variant (seed ${variant})`
    : variant === 'canonical'
      ? 'the canonical variant (the numbers of the course notes)'
      : `the variant with seed ${variant}`;
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
  student: PreviewStudent | null;
  students: PreviewStudent[];
  problem?: string;
}) {
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
        You see this exercise as a student would, on <strong data-testid="preview-variant">{variantShown(variant, student)}</strong>.
        Answers and code you check here are graded at once against this variant; nothing is stored.
      </p>
      {problem && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {problem} — showing the canonical variant.
        </p>
      )}
      <PreviewVariantPicker slug={slug} variant={variant} student={student} students={students} />
    </section>
  );
}
