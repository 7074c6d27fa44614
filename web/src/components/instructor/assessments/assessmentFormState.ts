/**
 * The assessment editor's form state and the API body it becomes (the same JSON the export writes and the JSON tab
 * edits). Inputs hold text as typed; a number that does not parse is sent as typed, so the server's validation names
 * the field and the form shows its message beside it.
 */

export type Visibility = 'immediately' | 'after-due' | 'never';

/** An assessment file as GET /api/instructor/assessments gives it (the fields the form edits). */
export interface AssessmentFileView {
  slug: string;
  title: string;
  type: 'homework' | 'exam';
  releaseAt: string | null;
  dueAt: string | null;
  lateDeadlines: { until: string; credit: number }[];
  afterLastDeadline: 'view-only' | 'zero';
  timeLimitMinutes: number | null;
  honorCode: boolean;
  published: boolean;
  passwordSet: boolean;
  slots: {
    exercises: string[];
    groups?: (number | null)[];
    choose: number;
    points: number | null;
    pointsPerAttempt: number[] | null;
    maxAttempts?: number | null;
    decayPercent?: number;
    showScore?: Visibility;
    showFeedback?: Visibility;
    showAnswers?: Visibility;
  }[];
}

export interface SlotState {
  key: number;
  exercises: { key: number; slug: string; group: string }[];
  choose: string;
  points: string;
  pointsPerAttempt: string;
  maxAttempts: string;
  decayPercent: string;
  showScore: Visibility;
  showFeedback: Visibility;
  showAnswers: Visibility;
}

export interface FormState {
  slug: string;
  title: string;
  type: 'homework' | 'exam';
  releaseAt: string;
  dueAt: string;
  lateDeadlines: { key: number; until: string; creditPercent: string }[];
  afterLastDeadline: 'view-only' | 'zero';
  timeLimitMinutes: string;
  password: string;
  removePassword: boolean;
  passwordSet: boolean;
  honorCode: boolean;
  published: boolean;
  slots: SlotState[];
}

let nextKey = 1;
/** A React key for a row added in the browser. */
export const newKey = () => nextKey++;

/** An ISO instant as a datetime-local value on the browser's clock ('' for none). */
function localDateTime(iso: string | null): string {
  return iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '';
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function emptySlot(): SlotState {
  return {
    key: newKey(),
    exercises: [{ key: newKey(), slug: '', group: '' }],
    choose: '',
    points: '',
    pointsPerAttempt: '',
    maxAttempts: '',
    decayPercent: '',
    showScore: 'immediately',
    showFeedback: 'immediately',
    showAnswers: 'after-due',
  };
}

export function formStateOf(file: AssessmentFileView | null): FormState {
  if (!file)
    return {
      slug: '',
      title: '',
      type: 'homework',
      releaseAt: '',
      dueAt: '',
      lateDeadlines: [],
      afterLastDeadline: 'view-only',
      timeLimitMinutes: '',
      password: '',
      removePassword: false,
      passwordSet: false,
      honorCode: false,
      published: true,
      slots: [emptySlot()],
    };
  return {
    slug: file.slug,
    title: file.title,
    type: file.type,
    releaseAt: localDateTime(file.releaseAt),
    dueAt: localDateTime(file.dueAt),
    lateDeadlines: file.lateDeadlines.map((d) => ({
      key: newKey(),
      until: localDateTime(d.until),
      creditPercent: String(Math.round(d.credit * 1000) / 10),
    })),
    afterLastDeadline: file.afterLastDeadline,
    timeLimitMinutes: text(file.timeLimitMinutes),
    password: '',
    removePassword: false,
    passwordSet: file.passwordSet,
    honorCode: file.honorCode,
    published: file.published,
    slots: file.slots.map((s) => ({
      key: newKey(),
      exercises: s.exercises.map((slug, i) => ({ key: newKey(), slug, group: text(s.groups?.[i]) })),
      choose: s.exercises.length > 1 ? String(s.choose) : '',
      points: text(s.points),
      pointsPerAttempt: s.pointsPerAttempt?.join(', ') ?? '',
      maxAttempts: text(s.maxAttempts),
      decayPercent: text(s.decayPercent),
      showScore: s.showScore ?? 'immediately',
      showFeedback: s.showFeedback ?? 'immediately',
      showAnswers: s.showAnswers ?? 'after-due',
    })),
  };
}

/** A number as typed: blank → undefined, a number → it, anything else → the text (the server names the field). */
function numberOf(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

const iso = (local: string) => (local ? new Date(local).toISOString() : null);

/** The API body (POST /api/instructor/assessments, PUT …/:slug) of the form as it stands. */
export function bodyOf(state: FormState): Record<string, unknown> {
  const exam = state.type === 'exam';
  return {
    slug: state.slug.trim(),
    title: state.title,
    type: state.type,
    releaseAt: iso(state.releaseAt),
    dueAt: iso(state.dueAt),
    lateDeadlines: state.lateDeadlines.map((d) => {
      const percent = numberOf(d.creditPercent);
      return { until: iso(d.until) ?? '', credit: typeof percent === 'number' ? percent / 100 : (percent ?? '') };
    }),
    afterLastDeadline: state.afterLastDeadline,
    timeLimitMinutes: exam ? (numberOf(state.timeLimitMinutes) ?? null) : null,
    // Left out keeps the password; null removes it.
    ...(state.removePassword ? { password: null } : state.password ? { password: state.password } : {}),
    honorCode: exam && state.honorCode,
    published: state.published,
    slots: state.slots.map((slot) => {
      const grouped = slot.exercises.some((e) => e.group.trim() !== '');
      const perAttempt = slot.pointsPerAttempt.trim();
      return {
        exercises: slot.exercises.map((e) => e.slug),
        ...(grouped ? { groups: slot.exercises.map((e) => numberOf(e.group) ?? null) } : {}),
        ...(numberOf(slot.choose) !== undefined ? { choose: numberOf(slot.choose) } : {}),
        points: numberOf(slot.points) ?? null,
        pointsPerAttempt: perAttempt
          ? perAttempt
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map((p) => numberOf(p))
          : null,
        maxAttempts: numberOf(slot.maxAttempts) ?? null,
        ...(numberOf(slot.decayPercent) !== undefined ? { decayPercent: numberOf(slot.decayPercent) } : {}),
        showScore: slot.showScore,
        showFeedback: slot.showFeedback,
        showAnswers: slot.showAnswers,
      };
    }),
  };
}

/** Moves item `from` by `by` places (up: -1, down: +1), within bounds. */
export function moved<T>(list: T[], from: number, by: number): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}
