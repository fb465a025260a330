import { writtenText, z } from "@/lib/zod";

/** The lifetimes the dashboard offers, in days (the API takes any from 1 to 3,650). */
export const TOKEN_LIFETIMES = [30, 90, 365] as const;
export const MAX_TOKEN_DAYS = 3650;
/** A working token this close to its expiry is pointed out to admins, to be replaced in time. */
export const TOKEN_WARNING_DAYS = 14;

/** Creating a bearer token for the JSON API (dashboard form and POST /api/v1/tokens). */
export const apiTokenCreateSchema = z
  .object({
    name: writtenText().trim().min(1, "Give the token a name.").max(100, "At most 100 characters."),
    scope: z.enum(["READ", "WRITE"], { message: "Choose read or write." }).default("READ"),
    // Days until it expires; null or absent: never ("never" from the form's select).
    expiresInDays: z.preprocess(
      (value) => (value === "never" || value === "" ? null : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value),
      z
        .number({ message: "A whole number of days, or null for no expiry." })
        .int("A whole number of days, or null for no expiry.")
        .min(1, "At least 1 day.")
        .max(MAX_TOKEN_DAYS, `At most ${MAX_TOKEN_DAYS} days.`)
        .nullable()
        .default(null),
    ),
  })
  .strict();
