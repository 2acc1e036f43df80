import { TRPCError } from "@trpc/server";
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";
import type { Context } from "../trpc";
import { restRouter } from "./rest.router";

/** What one call gives the shared handler: its context, and whom to tell about a failure. */
export interface RestCall {
  context: Context;
  onError?: (error: TRPCError, procedure: string | undefined) => void;
  responseMeta: (input: { ctx: Context | undefined; errors: TRPCError[] }) => {
    status?: number;
    headers?: Record<string, string | undefined>;
  };
}

const calls = new WeakMap<object, RestCall>();

function callOf(req: object): RestCall {
  const call = calls.get(req);
  if (!call) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "A REST call without its context." });
  return call;
}

type NodeHandler = ReturnType<typeof createOpenApiNodeHttpHandler>;
let shared: NodeHandler | null = null;

/**
 * trpc-to-openapi's node handler, built once per process. Its fetch adapter builds one per request,
 * which rebuilds the route table and, outside production, the whole OpenAPI document to check the
 * router (5–25 ms a call). Each call's context travels with its request object instead.
 */
function nodeHandler(): NodeHandler {
  shared ??= createOpenApiNodeHttpHandler({
    router: restRouter,
    createContext: ({ req }) => callOf(req).context,
    // The library hands `responseMeta` the context, not the request: calls are found by either.
    responseMeta: ({ ctx, errors }) => (ctx ? (calls.get(ctx)?.responseMeta({ ctx, errors }) ?? {}) : {}),
    onError: ({ error, path, req }) => callOf(req).onError?.(error, path),
  });
  return shared;
}

/**
 * One REST call through the shared handler, answered as a fetch Response. `body` is the JSON the
 * caller already read and parsed (or undefined for none); the URL's `endpoint` prefix is stripped
 * so routes match the document's paths.
 */
export function runRestCall(request: Request, endpoint: string, body: unknown, call: RestCall): Promise<Response> {
  const url = request.url.replace(endpoint, "");
  const req = new Proxy(request, {
    get: (target, prop) => {
      if (prop === "url") return url;
      if (prop === "body") return body;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    has: (target, prop) => prop === "body" || Reflect.has(target, prop),
  });
  calls.set(req, call);
  calls.set(call.context, call);
  return new Promise<Response>((resolve, reject) => {
    const headers = new Headers();
    let statusCode = 200;
    const res = {
      setHeader: (key: string, value: string | string[]) => {
        if (typeof value === "string") headers.set(key, value);
        else for (const v of value) headers.append(key, v);
      },
      get statusCode() {
        return statusCode;
      },
      set statusCode(code: number) {
        statusCode = code;
      },
      end: (text?: string) => resolve(new Response(text ?? null, { status: statusCode, headers })),
    };
    // The node types name IncomingMessage/ServerResponse; the handler reads only what a Request and this shim have.
    nodeHandler()(req as never, res as never).catch(reject);
  });
}
