/** A one-time link shown once to whoever issued it (the site sends no email), to copy and pass on. */
export function OneTimeLink({ link, label }: { link: string; label: string }) {
  return (
    <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <p>{label} It is shown only now:</p>
      <input
        readOnly
        value={link}
        aria-label={label}
        className="input w-full font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
