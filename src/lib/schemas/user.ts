import { writtenText, z } from "@/lib/zod";

/**
 * Staff accounts: invitations, password links, roles and profiles. Shared by the dashboard's
 * forms, the server actions, the services and the JSON API.
 */

export const roles = ["CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN"] as const;
export const roleSchema = z.enum(roles, { message: "Choose a role." });
export type RoleName = z.infer<typeof roleSchema>;

export const roleLabels: Record<RoleName, string> = {
  CONTRIBUTOR: "Contributor",
  AUTHOR: "Author",
  EDITOR: "Editor",
  ADMIN: "Admin",
};

export const passwordLimits = { min: 12, max: 200 } as const;

// Length is the one rule that matters (NIST 800-63B); no composition rules.
export const newPasswordSchema = z
  .string()
  .min(passwordLimits.min, `Use at least ${passwordLimits.min} characters.`)
  .max(passwordLimits.max, `At most ${passwordLimits.max} characters.`);

/** Stored lower-case, as sign-in looks accounts up (services/sign-in.ts normalizeEmail). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "At most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

export const personNameSchema = writtenText().trim().min(1, "Enter a name.").max(100, "At most 100 characters.");
const id = z.string().trim().min(1).max(64);

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema }).strict();

/** Accepting a link: the name is asked only when the link creates an account (INVITE). */
export const acceptInvitationSchema = z.object({ name: personNameSchema.optional(), password: newPasswordSchema }).strict();

/** The public invite form also asks for the password twice. */
export const acceptInvitationFormSchema = z
  .object({ name: z.string().optional(), password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });

export const profileSchema = z
  .object({
    name: personNameSchema,
    bio: writtenText().trim().max(1000, "At most 1000 characters."),
    /** A Media id from the library, null for no photo, or absent to keep the current one. */
    image: id.nullable().optional(),
  })
  .strict();

export const changePasswordSchema = z
  .object({ current: z.string().min(1, "Enter your current password."), next: newPasswordSchema })
  .strict();

export const changePasswordFormSchema = z
  .object({ current: z.string(), next: z.string(), confirm: z.string() })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });

export const changeRoleSchema = z.object({ userId: id, role: roleSchema }).strict();
export const userIdSchema = z.object({ userId: id }).strict();
export const invitationIdSchema = z.object({ invitationId: id }).strict();

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Prefix of the action name: "user." or "article.publish". */
  action: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "At most 60 characters.")
    .regex(/^[a-z_.]*$/, "Use only letters, dots and underscores, as in user. or article.publish")
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
