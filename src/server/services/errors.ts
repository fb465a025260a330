import "server-only";
import { NUL_REFUSED } from "@/lib/zod";
/**
 * The one error type services throw for a refused request. The API turns it into
 * `{ error: { code, message, fields? } }` with its status; server actions return it to forms.
 */
export type ErrorCode =
  | "bad_request"
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_type"
  | "rate_limited";

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
};

export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ServiceError";
    this.status = statusOf[code];
  }
}

export const forbidden = (message = "You do not have permission to do that.") => new ServiceError("forbidden", message);
export const notFound = (what = "That") => new ServiceError("not_found", `${what} was not found.`);
/** A unique index refused a write its check had allowed: a concurrent save took the value first. */
export const savedMeanwhile = () =>
  new ServiceError("conflict", "Someone saved the same thing at the same moment. Nothing was changed; try again.");

/** zod issues → { field: message } with dotted paths ("body.content.3.attrs.alt"). */
export function fieldErrors(issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    // A field we do not accept (e.g. "status" on a save) is named as itself.
    const names = issue.code === "unrecognized_keys" && issue.keys?.length ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || "_"];
    for (const name of names) fields[name] ??= issue.code === "unrecognized_keys" ? "This field cannot be set here." : plainMessage(issue.message);
  }
  return fields;
}

/**
 * zod's own wording, where a schema gives none, in plain words: "Invalid input: expected string,
 * received undefined" → "Required."; "Too small: expected number to be >=1" → "Must be 1 or more."
 * A schema's own message is left as it is.
 */
function plainMessage(message: string): string {
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return "Required.";
  const type = /^Invalid input: expected (\w+)/.exec(message)?.[1];
  if (type && type in expectedType) return `Must be ${expectedType[type]}.`;
  const bound = /^Too (?:small|big): expected number to be ([<>]=?)(-?[\d.]+)$/.exec(message);
  if (bound) return `Must be ${{ ">=": `${bound[2]} or more`, ">": `more than ${bound[2]}`, "<=": `${bound[2]} or less`, "<": `less than ${bound[2]}` }[bound[1]!]}.`;
  return message;
}
const expectedType: Record<string, string> = { string: "text", number: "a number", boolean: "true or false", array: "a list", object: "an object" };

/** Nesting allowed in a request: an article body's deepest lists and quotes use a few dozen levels. */
const MAX_NESTING = 200;

/**
 * PostgreSQL stores no NUL character in text or JSON: a value holding one would fail at the
 * database as a 500. Refused where input arrives instead (the API's JSON, forms), naming the
 * fields (dotted paths) that hold one.
 */
export function assertStorableText(value: unknown): void {
  const fields: Record<string, string> = {};
  const walk = (v: unknown, path: string, depth: number) => {
    // Checked here, the first walk over what arrived: 3,000 nested arrays (6 KB) overflowed the stack (a 500).
    if (depth > MAX_NESTING) throw new ServiceError("bad_request", `The request is nested too deeply: at most ${MAX_NESTING} levels.`);
    if (typeof v === "string") {
      if (v.includes("\u0000")) fields[path || "body"] = NUL_REFUSED;
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1));
    else if (v && typeof v === "object") for (const [key, item] of Object.entries(v)) walk(item, path ? `${path}.${key}` : key, depth + 1);
  };
  walk(value, "", 0);
  if (Object.keys(fields).length) throw new ServiceError("invalid", "Text may not contain NUL characters.", fields);
}
