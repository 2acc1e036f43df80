"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { Section } from "~/components/ui/section";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Session = RouterOutputs["account"]["sessions"][number];

/** This session is over: clear the cookie and load the sign-in page, dropping every cached query. */
async function leave() {
  await signOut({ redirect: false });
  window.location.assign("/login");
}

/** Times in the person's own zone: the same text on the server and in the browser. */
function dateTimeIn(timeZone: string) {
  const format = new Intl.DateTimeFormat("en", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return (iso: string) => format.format(new Date(iso));
}

/** Where the person is signed in, with a way out per device and for all of them. */
export function SessionsSection({ initial, timeZone }: { initial: Session[]; timeZone: string }) {
  const trpc = useTRPC();
  const formatDateTime = dateTimeIn(timeZone);
  const invalidate = useInvalidate("account");
  const sessions = useQuery({ ...trpc.account.sessions.queryOptions(), initialData: initial }).data;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onError = (e: { message: string }) => setError(e.message);
  const one = useMutation(
    trpc.account.signOutSession.mutationOptions({
      onSuccess: async (result, { sessionId }) => {
        if (result.currentEnded) return leave();
        const device = sessions.find((s) => s.id === sessionId)?.device ?? "That device";
        setNotice(`${device} is signed out.`);
        await invalidate();
      },
      onError,
    }),
  );
  const all = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: async (result) => {
        if (result.currentEnded) return leave();
        setNotice(
          result.ended === 1 ? "1 other session is signed out." : `${result.ended} other sessions are signed out.`,
        );
        await invalidate();
      },
      onError,
    }),
  );
  const others = sessions.filter((s) => !s.current).length;

  return (
    <Section
      title="Where you are signed in"
      description="Each sign-in is listed until it ends: 8 hours without use, or 7 days at most. Sign out any you do not recognise."
    >
      <ul className="mt-4 divide-y divide-slate-100">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {s.device}
                {s.current && (
                  <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
                    This device
                  </span>
                )}
              </p>
              <p className="mt-0.5 text-sm text-slate-600">
                {s.address ? `${s.address} · ` : ""}signed in {formatDateTime(s.signedInAt)} · last active{" "}
                {formatDateTime(s.lastSeenAt)}
              </p>
            </div>
            {!s.current && (
              <ConfirmAction
                size="sm"
                label="Sign out"
                ariaLabel={`Sign out ${s.device}, signed in ${formatDateTime(s.signedInAt)}`}
                question={`Sign out ${s.device}?`}
                confirmLabel="Sign out"
                confirmAriaLabel={`Yes, sign out ${s.device}`}
                pending={one.isPending}
                onConfirm={() => {
                  setError(null);
                  one.mutate({ sessionId: s.id });
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <Alert tone="success">{notice}</Alert>
      <Alert>{error}</Alert>
      <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-100 pt-4">
        {others > 0 && (
          <ConfirmAction
            label="Sign out all other devices"
            question={`Sign out ${others === 1 ? "the other device" : `all ${others} other devices`}?`}
            confirmLabel="Sign them out"
            pending={all.isPending}
            onConfirm={() => {
              setError(null);
              all.mutate({ keepCurrent: true });
            }}
          />
        )}
        <ConfirmAction
          label="Sign out everywhere"
          question="Sign out everywhere, this device too?"
          confirmLabel="Sign out everywhere"
          confirmAriaLabel="Yes, sign out everywhere"
          pending={all.isPending}
          onConfirm={() => {
            setError(null);
            all.mutate({ keepCurrent: false });
          }}
        />
      </div>
    </Section>
  );
}
