import type { z } from 'zod';
import type { Role } from '../../contracts/auth.js';
import type { ErrorCode } from '../../contracts/errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an endpoint: nobody needs to be signed in, anyone signed in, or only some roles (and a rule). */
export type Access =
  | { public: true; note?: string }
  | { public?: false; roles: readonly Role[] | 'any'; rule?: string };

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
