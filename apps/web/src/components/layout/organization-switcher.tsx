"use client";

import { ROLE_LABELS, type Role } from "@meridian/domain";
import { useState } from "react";

/** For people in several organizations: the choice is kept in a cookie the server re-checks on every request. */
export function OrganizationSwitcher({
  current,
  organizations,
}: {
  current: string;
  organizations: { id: string; name: string; role: Role }[];
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label htmlFor="organization-switcher" className="sr-only">
        Organization
      </label>
      <select
        id="organization-switcher"
        value={current}
        onChange={async (e) => {
          setError(null);
          const response = await fetch("/api/organization", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ organizationId: e.target.value }),
          });
          if (!response.ok) {
            setError("Could not switch organization.");
            return;
          }
          // A full load: every cached query belonged to the other organization.
          window.location.assign("/");
        }}
        className="rounded-md border border-slate-200 bg-white px-2 py-1.5 text-sm"
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({ROLE_LABELS[o.role]})
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="text-xs text-rose-600">
          {error}
        </p>
      )}
    </div>
  );
}
