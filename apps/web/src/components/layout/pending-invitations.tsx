"use client";

import { ROLE_LABELS, type Role } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";

export interface PendingInvitation {
  id: string;
  organization: { id: string; name: string };
  role: Role;
  invitedBy: string;
}

/**
 * The organizations that invited the signed-in person. They join one only by
 * accepting here; until then they are not a member and see nothing of it.
 */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const decline = useMutation(trpc.invitations.decline.mutationOptions());
  const pending = accept.isPending || decline.isPending;
  if (invitations.length === 0) return null;

  const answer = async (invitation: PendingInvitation, yes: boolean) => {
    setError(null);
    try {
      if (!yes) {
        await decline.mutateAsync({ invitationId: invitation.id });
        window.location.reload();
        return;
      }
      await accept.mutateAsync({ invitationId: invitation.id });
      // Act in the organization just joined; a full load, since every cached query belonged to another one.
      await fetch("/api/organization", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ organizationId: invitation.organization.id }),
      });
      window.location.assign("/");
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not answer the invitation.");
    }
  };

  return (
    <section
      aria-labelledby="pending-invitations"
      className="mb-6 rounded-lg border border-indigo-200 bg-indigo-50 p-4"
    >
      <h2 id="pending-invitations" className="text-sm font-semibold text-indigo-900">
        Pending invitations
      </h2>
      <ul className="mt-2 space-y-2">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
            <span className="grow">
              {invitation.invitedBy} invited you to <strong>{invitation.organization.name}</strong> as{" "}
              {ROLE_LABELS[invitation.role]}.
            </span>
            <Button
              size="sm"
              disabled={pending}
              onClick={() => answer(invitation, true)}
              aria-label={`Accept the invitation to ${invitation.organization.name}`}
            >
              Accept
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => answer(invitation, false)}
              aria-label={`Decline the invitation to ${invitation.organization.name}`}
            >
              Decline
            </Button>
          </li>
        ))}
      </ul>
      <Alert className="mt-2">{error}</Alert>
    </section>
  );
}
