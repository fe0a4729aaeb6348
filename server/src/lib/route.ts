import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Role } from '../contracts/auth.js';
import type { ErrorCode } from '../contracts/errors.js';

/*
 * One definition per endpoint: its method, path, contracts and handler, and what the OpenAPI document says of it.
 * The same list mounts the routes (routerOf) and describes them (endpointsOf), so the API's routes are written
 * down once (STYLE.md: a route is a config object with its body and response schema).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an endpoint: nobody needs to be signed in, anyone signed in, or only some roles (and a rule). */
export type Access =
  | { public: true; note?: string }
  | { public?: false; roles: readonly Role[] | 'any'; rule?: string };

/** Access for signed-in people only: the route kit checks the session before anything else of the request. */
export type SignedInAccess = Extract<Access, { roles: unknown }>;

/** One answer of an endpoint. A zod contract is JSON; other content types say what they carry in `description`. */
export interface SuccessResponse {
  description: string;
  /** A contract exported from server/src/contracts (it becomes a component by its export name). */
  schema?: z.ZodType;
  /** Defaults to application/json when there is a schema. */
  contentType?: string;
  /** For non-JSON answers (CSV, HTML, event streams): the JSON Schema of the body as text. */
  rawSchema?: Record<string, unknown>;
}

export type RequestBody =
  | { kind: 'json'; schema: z.ZodType; required?: boolean }
  /** One file in the form field `file` (multer), with the accepted formats in `description`. */
  | { kind: 'file'; description: string };

/** What the OpenAPI document says of one endpoint. */
export interface EndpointDoc {
  method: HttpMethod;
  /** OpenAPI style, with /api: /api/trials/{id}. Every {param} is a required path parameter (1 to 100 characters). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  access: Access;
  query?: z.ZodType;
  /** Query parameters read by a route-local schema (not a contract), as OpenAPI parameter objects. */
  queryParameters?: Record<string, unknown>[];
  body?: RequestBody;
  responses: Partial<Record<number, SuccessResponse>>;
  /**
   * The stable error codes this endpoint itself can answer with (the service's refusals). Those every endpoint of
   * its kind shares are added by the document builder: sign-in (401), CSRF (403), a required password change (403),
   * validation of the request (400), a body too large (413) and INTERNAL (500).
   */
  errors: readonly ErrorCode[];
}

/** The request's parts as the handler gets them: params, query and body parsed with the route's contracts. */
export interface RouteInput<D, P, Q, B> {
  deps: D;
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
}

type JsonBody<B> = { kind: 'json'; schema: z.ZodType<B>; required?: boolean };
type FileBody = { kind: 'file'; description: string };

interface RouteFields<D, P, Q, B> extends Omit<EndpointDoc, 'path' | 'query' | 'body' | 'access'> {
  /** Express style, relative to the group's mount: '/', '/:id/status'. */
  path: string;
  /** Parses req.params (the path's parameters are documented from the path itself). */
  params?: z.ZodType<P>;
  /** A contract: parses req.query and documents its fields as query parameters. */
  query?: z.ZodType<Q>;
  /**
   * false: the query is documented but the handler reads it itself, after a check that must come first (a role)
   * or to answer a malformed one its own way (the sign-in navigations answer with a Danish page, not a 400 body).
   */
  parseQuery?: false;
  /** A JSON contract parses req.body; a file is read by the route's middleware (multer) instead. */
  body?: JsonBody<B> | FileBody;
  /** Runs after the sign-in check and before the handler (an upload's parser), built once per app. */
  middleware?: (deps: D) => RequestHandler[];
}

/**
 * A handler either answers itself (redirects, files, streams, several statuses) and returns nothing, or returns
 * the body of its one JSON answer: the kit parses it with that answer's contract and sends it with its status.
 */
type Handler<I> = (input: I) => unknown;

export interface Route<D> {
  /** The route's description, with its path relative to the group's mount. */
  doc: EndpointDoc;
  middleware?: (deps: D) => RequestHandler[];
  /** Reads the request in order (the person first, then params, query and body) and calls the handler. */
  invoke: (deps: D, req: Request, res: Response) => unknown;
}

export interface RouteGroup<D> {
  /** Where the group is mounted under /api, Express style: '/trials/:trialId/documents'. */
  mount: string;
  routes: readonly Route<D>[];
  /** Runs once when an app mounts the group (job handlers, per-app state that must exist before the first call). */
  setup?: (deps: D) => void;
}

/**
 * The kit for one app's dependencies `D` and signed-in person `A`. `actorOf` returns the person of the request or
 * throws (401): every route that is not public calls it first, before its params, body or file are read.
 */
export function routeKit<D, A>(actorOf: (req: Request) => A) {
  const make = <P, Q, B>(access: Access, spec: RouteFields<D, P, Q, B>, handle: Handler<RouteInput<D, P, Q, B> & { actor: A }>): Route<D> => {
    const { params, query, parseQuery, body, middleware, ...doc } = spec;
    return {
      doc: { ...doc, access, ...(query ? { query } : {}), ...(body ? { body } : {}) },
      middleware,
      invoke: (deps, req, res) => {
        const actor = (access.public ? undefined : actorOf(req)) as A;
        const input = {
          deps,
          req,
          res,
          actor,
          params: (params ? params.parse(req.params) : req.params) as P,
          query: (query && parseQuery !== false ? query.parse(req.query) : req.query) as Q,
          body: (body?.kind === 'json' ? body.schema.parse(req.body) : req.body) as B,
        };
        return handle(input);
      },
    };
  };

  /** An endpoint for signed-in people; `access` says who among them (the service checks the rule). */
  function route<P = Request['params'], Q = unknown, B = unknown>(
    spec: RouteFields<D, P, Q, B> & { access: SignedInAccess; handle: Handler<RouteInput<D, P, Q, B> & { actor: A }> },
  ): Route<D> {
    const { access, handle, ...fields } = spec;
    return make(access, fields, handle);
  }

  /** An endpoint anyone may call, signed in or not (`req.actor` is there when they are). */
  function publicRoute<P = Request['params'], Q = unknown, B = unknown>(
    spec: RouteFields<D, P, Q, B> & { note?: string; handle: Handler<RouteInput<D, P, Q, B>> },
  ): Route<D> {
    const { note, handle, ...fields } = spec;
    return make<P, Q, B>(note ? { public: true, note } : { public: true }, fields, handle);
  }

  /** The routes mounted together under `mount`. */
  function routes(mount: string, list: readonly Route<D>[], opts: { setup?: (deps: D) => void } = {}): RouteGroup<D> {
    return { mount, routes: list, ...opts };
  }

  /** Signs the person in before a route's middleware runs: nobody else makes the server read a file. */
  const signedInFirst: RequestHandler = (req, _res, next) => {
    actorOf(req);
    next();
  };

  /** The Express router of a group, for one app. */
  function routerOf(group: RouteGroup<D>, deps: D): Router {
    group.setup?.(deps);
    const router = Router({ mergeParams: true });
    for (const r of group.routes) {
      const before = r.middleware ? [...(r.doc.access.public ? [] : [signedInFirst]), ...r.middleware(deps)] : [];
      router[methodOf(r.doc.method)](r.doc.path, ...before, answer(r, deps));
    }
    return router;
  }

  return { route, publicRoute, routes, routerOf };
}

const methodOf = (m: HttpMethod) => m.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The final handler of a route: the handler answers, or its result is sent as the route's one JSON answer. */
function answer<D>(r: Route<D>, deps: D): RequestHandler {
  const json = Object.entries(r.doc.responses).filter(([status, resp]) => Number(status) < 300 && resp?.schema);
  return async (req, res) => {
    const result = await r.invoke(deps, req, res);
    if (result === undefined) return;
    const [status, resp] = json.length === 1 ? json[0]! : [];
    if (!status || !resp?.schema) throw new Error(`${r.doc.method} ${r.doc.path} returned a body but has not exactly one JSON answer to send it as.`);
    res.status(Number(status)).json(resp.schema.parse(result));
  };
}

/** The OpenAPI descriptions of the groups' routes, with their full paths (/api/trials/{trialId}/documents). */
export function endpointsOf<D>(groups: readonly RouteGroup<D>[]): EndpointDoc[] {
  return groups.flatMap((g) => g.routes.map((r) => ({ ...r.doc, path: openApiPath(g.mount, r.doc.path) })));
}

function openApiPath(mount: string, path: string): string {
  const joined = `/api${mount}${path === '/' ? '' : path}`.replace(/\/+/g, '/');
  return joined.replace(/:(\w+)/g, '{$1}');
}
