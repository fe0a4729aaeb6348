import type { Deps } from './deps.js';
import { routeKit, type SignedInAccess } from './lib/route.js';
import { requireActor } from './modules/auth/auth.middleware.js';

/**
 * The route kit of this app (lib/route.ts): every module's routes are defined with it, so each endpoint is written
 * down once, and app.ts mounts and describes (OpenAPI) the same list. Routes that are not public read the
 * signed-in person first (401 before anything else of the request is read).
 */
export const { route, publicRoute, routes, routerOf } = routeKit<Deps, ReturnType<typeof requireActor>>(requireActor);

/**
 * State a group's handlers keep for one app (a client, a health tracker), made the first time it is asked for;
 * a group's `setup` asks for it when the app is built where it must exist before the first request.
 */
export function perApp<T>(make: (deps: Deps) => T): (deps: Deps) => T {
  const made = new WeakMap<Deps, T>();
  return (deps) => {
    if (!made.has(deps)) made.set(deps, make(deps));
    return made.get(deps)!;
  };
}

/*
 * Who may call what, in the words of server/src/authorisation.api.test.ts (which checks it for every role).
 * Denials follow one rule across the API: 401 when not signed in, 403 when the person may see the thing but not do
 * this, 404 when they may not know it exists.
 */
export const SIGNED_IN: SignedInAccess = { roles: 'any' };
export const DIGITAL_UNIT: SignedInAccess = { roles: ['DIGITAL_UNIT'] };
export const SEE_TRIAL: SignedInAccess = {
  roles: 'any',
  rule: "The trial's participants and its administrators (the leader of its unit, the digital unit); to anyone else it does not exist (404).",
};
export const ADMINISTER: SignedInAccess = {
  roles: ['LEADER', 'DIGITAL_UNIT'],
  rule: "Administrators of the trial: the leader (leder) of the trial's unit and the digital unit (Digital Udvikling). A participant gets 403; anyone else 404.",
};
export const TAKE_PART: SignedInAccess = {
  roles: 'any',
  rule: 'Only participants (deltagere) of the trial use its assistants. Administrators who do not take part get 403 and are told how to join; anyone else 404.',
};
export const RUN_VISIBLE: SignedInAccess = {
  roles: 'any',
  rule: "The person who made the run and the administrators of its trial; to anyone else the run does not exist (404).",
};

/** A file that is read: what it may be refused for, the parse limits included (docs/decisions/0012). */
export const PARSE_REFUSALS = ['UNREADABLE_FILE', 'FILE_LIMIT_EXCEEDED', 'FILE_TOO_COMPLEX', 'PARSER_BUSY'] as const;
export const FILE_REFUSALS = ['UNSUPPORTED_FILE', 'PDF_NO_TEXT', 'EMPTY_FILE', ...PARSE_REFUSALS] as const;
export const FILE_FORMATS = 'One file in the form field `file`: PDF, Word (.docx), Markdown, plain text or a Teams transcript (.vtt), UTF-8.';
