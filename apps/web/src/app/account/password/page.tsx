import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { PasswordChangeForm } from "./password-change-form";

export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  const user = await requireSessionUser();
  return (
    <div className="max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">
        {user.mustChangePassword ? "Choose your own password" : "Change password"}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {user.mustChangePassword
          ? "You signed in with a temporary password. Replace it to continue."
          : "Changing your password signs you out on every other device."}
      </p>
      <PasswordChangeForm email={user.email} />
    </div>
  );
}
