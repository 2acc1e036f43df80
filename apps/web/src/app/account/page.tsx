import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/ui/field";
import { Section } from "~/components/ui/section";
import { requireSessionUser } from "~/server/auth";
import { getCaller } from "~/trpc/server";
import { ProfileForm } from "./_components/profile-form";
import { SessionsSection } from "./_components/sessions-section";
import { PasswordChangeForm } from "./password/password-change-form";

export const metadata: Metadata = { title: "Your profile" };

/** One's own account: profile, notifications, password and the devices signed in. */
export default async function AccountPage() {
  const user = await requireSessionUser();
  if (user.mustChangePassword) redirect("/account/password");
  const caller = await getCaller();
  const [profile, sessions] = await Promise.all([caller.account.profile(), caller.account.sessions()]);
  return (
    <div className="space-y-6">
      <PageHeader kicker="Account" title="Your profile" />
      <Section title="Profile" description="Your name as others see it, and the time zone reminders follow.">
        <ProfileForm profile={profile} />
      </Section>
      <Section title="Notifications" description="Choose what Meridian tells you about, in the app and by email.">
        <Link
          href="/account/notifications"
          className="mt-3 inline-flex font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600"
        >
          Notification preferences
        </Link>
      </Section>
      <Section title="Developers" description="Connect another system to Meridian through its REST API.">
        <Link
          href="/developers/api"
          className="mt-3 inline-flex font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600"
        >
          API reference
        </Link>
      </Section>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start">
        <Section title="Password" description="Changing your password signs you out on every other device.">
          <PasswordChangeForm email={user.email} />
        </Section>
        <SessionsSection initial={sessions} timeZone={profile.timeZone} />
      </div>
    </div>
  );
}
