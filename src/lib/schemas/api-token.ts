import { writtenText, z } from "@/lib/zod";

/** Creating a bearer token for the JSON API (dashboard form and POST /api/v1/tokens). */
export const apiTokenCreateSchema = z
  .object({
    name: writtenText().trim().min(1, "Give the token a name.").max(100, "At most 100 characters."),
    scope: z.enum(["READ", "WRITE"], { message: "Choose read or write." }).default("READ"),
  })
  .strict();
