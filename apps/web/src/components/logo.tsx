export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-indigo-600">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 2v20M2 12h20" stroke="currentColor" strokeWidth="1.5" opacity="0.5" />
        <circle cx="12" cy="12" r="3" fill="currentColor" />
      </svg>
      Meridian
    </span>
  );
}
