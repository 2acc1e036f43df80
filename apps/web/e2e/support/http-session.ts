import { baseURL } from "./browser";

/**
 * A client that talks to the running app over HTTP the way a browser does
 * (cookies, CSRF token, Origin), so session behaviour is tested on the wire.
 */
export class HttpSession {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly extraHeaders: Record<string, string> = {},
    /** The app to talk to: the one global-setup started, unless a test started its own. */
    private readonly base: string = baseURL(),
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The signed session cookie, for replaying later from another client. */
  get sessionCookie(): string | undefined {
    return this.cookies.get("next-auth.session-token");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("cookie", this.cookieHeader);
    for (const [k, v] of Object.entries(this.extraHeaders)) headers.set(k, v);
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** next-auth's credentials sign-in; returns the `error` it reports, or null on success. */
  async signIn(email: string, password: string): Promise<string | null> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
    const body = (await response.json()) as { url: string };
    return new URL(body.url).searchParams.get("error");
  }

  async signOut(): Promise<void> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
    });
  }

  /** A tRPC query over HTTP: status and the (plain JSON) result or error. */
  async query(path: string, input?: unknown): Promise<TrpcReply> {
    const encoded = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return reply(await this.fetch(`/api/trpc/${path}${encoded}`));
  }

  async mutate(path: string, input: unknown): Promise<TrpcReply> {
    return reply(
      await this.fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: this.base },
        body: JSON.stringify(input),
      }),
    );
  }
}

export interface TrpcReply {
  status: number;
  data: unknown;
  error: { message: string; data?: { code?: string } } | null;
}

async function reply(response: Response): Promise<TrpcReply> {
  const body = (await response.json()) as {
    result?: { data?: unknown };
    error?: { message: string; data?: { code?: string } };
  };
  return { status: response.status, data: body.result?.data, error: body.error ?? null };
}

/** A session carrying only a replayed session cookie, as an attacker holding it would. */
export function replay(cookie: string | undefined): HttpSession {
  const session = new HttpSession();
  if (cookie) session.cookies.set("next-auth.session-token", cookie);
  return session;
}
