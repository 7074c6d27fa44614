'use client';

import { useRouter } from 'next/navigation';
import { useFormAction } from '@/components/forms/useFormAction';

type Outcome = { ok: true } | { ok: false; message: string; fieldErrors: object };

/**
 * A button that runs one server action and, when it succeeds, goes to `to` (the refusal's message shows beside it).
 * `replace` leaves the page out of the history (a sign-out, an invitation taken up); `block` stacks the message below.
 */
export function ActionButton({
  label,
  pendingLabel,
  action,
  to,
  replace = false,
  block = false,
  className = 'btn btn-secondary',
}: {
  label: string;
  pendingLabel: string;
  action: () => Promise<Outcome>;
  to: string;
  replace?: boolean;
  block?: boolean;
  className?: string;
}) {
  const router = useRouter();
  const { message, pending, submit } = useFormAction<never>();
  const Wrapper = block ? 'div' : 'span';
  return (
    <Wrapper className={block ? 'space-y-2' : 'inline-flex items-center gap-2'}>
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={() =>
          void submit(action, () => {
            if (replace) router.replace(to);
            else router.push(to);
            router.refresh();
          })
        }
      >
        {pending ? pendingLabel : label}
      </button>
      {message && (
        <span role="alert" className={block ? 'block text-sm text-red-800' : 'text-sm text-red-700'}>
          {message}
        </span>
      )}
    </Wrapper>
  );
}
