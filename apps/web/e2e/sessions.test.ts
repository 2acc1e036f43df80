import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { describe, expect, inject, it } from "vitest";
import { HttpSession, replay } from "./support/http-session";
import { adminSession, createPerson } from "./support/people";

// Sessions are signed tokens re-checked against the database on every request:
// each scenario signs in, captures the cookie, changes something, and replays
// the old cookie over HTTP.
describe("sessions end on the next request", () => {
  it("after logout, a replayed cookie from that session and from another device is refused", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "member");
    const laptop = new HttpSession();
    const phone = new HttpSession();
    expect(await laptop.signIn(person.email, person.password)).toBeNull();
    expect(await phone.signIn(person.email, person.password)).toBeNull();
    const laptopCookie = laptop.sessionCookie;
    expect((await replay(laptopCookie).query("me.get")).status).toBe(200);

    await laptop.signOut();
    expect((await replay(laptopCookie).query("me.get")).status).toBe(401);
    expect((await phone.query("me.get")).status).toBe(401);
  });

  it("after a password change, every earlier session is refused", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "member");
    const first = new HttpSession();
    const second = new HttpSession();
    expect(await first.signIn(person.email, person.password)).toBeNull();
    expect(await second.signIn(person.email, person.password)).toBeNull();
    const newPassword = "another-fresh-passphrase";
    const changed = await first.mutate("account.changePassword", {
      currentPassword: person.password,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(changed.status).toBe(200);
    expect((await replay(second.sessionCookie).query("me.get")).status).toBe(401);
    expect((await replay(first.sessionCookie).query("me.get")).status).toBe(401);
    expect(await new HttpSession().signIn(person.email, person.password)).toBe("CredentialsSignin");
    expect(await new HttpSession().signIn(person.email, newPassword)).toBeNull();
  });

  it("after deactivation, the person's open session is refused and they cannot sign in again", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "member");
    const session = new HttpSession();
    expect(await session.signIn(person.email, person.password)).toBeNull();
    expect((await session.query("objectives.mine")).status).toBe(200);

    expect((await admin.mutate("users.deactivate", { userId: person.id })).status).toBe(200);
    expect((await replay(session.sessionCookie).query("objectives.mine")).status).toBe(401);
    expect(await new HttpSession().signIn(person.email, person.password)).toBe("CredentialsSignin");
  });

  it("after a role change, the same session gets the new role's answers", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "member");
    const session = new HttpSession();
    expect(await session.signIn(person.email, person.password)).toBeNull();
    expect((await session.query("users.list")).status).toBe(403);

    expect((await admin.mutate("users.changeRole", { userId: person.id, role: "admin" })).status).toBe(200);
    expect((await replay(session.sessionCookie).query("users.list")).status).toBe(200);

    expect((await admin.mutate("users.changeRole", { userId: person.id, role: "viewer" })).status).toBe(200);
    const asViewer = replay(session.sessionCookie);
    expect((await asViewer.query("users.list")).status).toBe(403);
    const me = (await asViewer.query("me.get")).data as { permissions: string[] };
    expect(me.permissions).not.toContain("checkin.create");
  });
});

describe("session lifetimes", () => {
  const secret = () => readFileSync(path.join(inject("dataDir"), "auth-secret"), "utf8").trim();

  async function validClaims() {
    const admin = await adminSession();
    const me = (await admin.query("me.get")).data as { user: { id: string } };
    return { admin, userId: me.user.id };
  }

  it("accepts a token signed with the app's secret, so the forgeries below differ only in age", async () => {
    const { userId, admin } = await validClaims();
    const sessionVersion = await currentSessionVersion(admin);
    const token = await encode({
      secret: secret(),
      token: { userId, sessionVersion, authTime: Math.floor(Date.now() / 1000) },
    });
    expect((await replay(token).query("me.get")).status).toBe(200);
  });

  it("refuses a session idle past its lifetime (the signed token has expired)", async () => {
    const { userId, admin } = await validClaims();
    const sessionVersion = await currentSessionVersion(admin);
    // Expired a minute ago: past the 15 s clock tolerance next-auth allows.
    const token = await encode({
      secret: secret(),
      maxAge: -60,
      token: { userId, sessionVersion, authTime: Math.floor(Date.now() / 1000) - 120 },
    });
    expect((await replay(token).query("me.get")).status).toBe(401);
  });

  it("refuses a session older than its absolute lifetime even while it is in use", async () => {
    const { userId, admin } = await validClaims();
    const sessionVersion = await currentSessionVersion(admin);
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 86_400;
    const token = await encode({ secret: secret(), token: { userId, sessionVersion, authTime: eightDaysAgo } });
    expect((await replay(token).query("me.get")).status).toBe(401);
  });
});

/** The demo admin's session generation, read from their own token as the server sees it. */
async function currentSessionVersion(admin: HttpSession): Promise<number> {
  const session = (await (await admin.fetch("/api/auth/session")).json()) as { claims?: { sessionVersion?: number } };
  const version = session.claims?.sessionVersion;
  if (typeof version !== "number") throw new Error("the session carries no claims");
  return version;
}
