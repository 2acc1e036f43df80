/** Shown once after an account is created or reset: the server keeps only its hash. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p>
        Temporary password for <strong>{email}</strong>:{" "}
        <code data-testid="temporary-password" className="rounded bg-white px-1.5 py-0.5 font-mono text-base">
          {password}
        </code>
      </p>
      <p className="mt-1 text-xs">
        Share it privately. It works once: they must choose their own password when they sign in. It will not be shown
        again. Someone who already uses Meridian elsewhere signs in with their own password instead and accepts the
        invitation there; they join only once they do.
      </p>
    </div>
  );
}
