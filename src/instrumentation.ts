import type { Instrumentation } from "next";
import { markDatabaseFailure } from "../scripts/runtime/database-failures.mjs";
import { isDatabaseUnavailable } from "@/server/database-errors";

/**
 * A page that failed to render because the database could not be reached is answered 503 with
 * Retry-After by the server (scripts/runtime/database-failures.mjs): Next.js tells us here, with
 * the request's headers, which carry the id the server gave it.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  if (context.routeType !== "render" || !isDatabaseUnavailable(error)) return;
  const id = request.headers["x-request-id"];
  markDatabaseFailure(Array.isArray(id) ? id[0] : id);
};
