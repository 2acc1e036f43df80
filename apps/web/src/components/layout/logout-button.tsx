"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function LogoutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        // A full load drops every cached query of the signed-out user.
        window.location.assign("/login");
      }}
      className="inline-flex h-11 items-center justify-center whitespace-nowrap rounded-md border border-slate-200 px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60 nav:h-8"
    >
      {pending ? "Logging out…" : "Log out"}
    </button>
  );
}
