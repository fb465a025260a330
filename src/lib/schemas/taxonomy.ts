import { writtenText, z } from "@/lib/zod";
import { slugSchema, tagNameSchema } from "@/lib/schemas/article";

/**
 * Sections and tags, as the newsroom forms, the server actions and the JSON API send them.
 * Forms send "" for a field left empty: an empty slug means "derive it from the name".
 */

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const id = z.string().trim().min(1, "Choose one.").max(64);
const name = writtenText().trim().min(1, "A name is required.").max(80, "At most 80 characters.");
const description = writtenText().trim().max(500, "At most 500 characters.");
const optionalSlug = z.preprocess(emptyToUndefined, slugSchema.optional());

export const sectionCreateSchema = z
  .object({ name, slug: optionalSlug, description: description.optional() })
  .strict();

export const sectionUpdateSchema = z
  .object({ name: name.optional(), slug: optionalSlug, description: description.optional() })
  .strict();

/** Move one section a step, or give the whole order (every section id, first to last). */
export const sectionMoveSchema = z.object({ direction: z.enum(["up", "down"]) }).strict();
export const sectionOrderSchema = z
  .object({ order: z.array(id).min(1, "Give every section.").max(500) })
  .strict();

export const tagUpdateSchema = z
  .object({ name: tagNameSchema.optional(), slug: optionalSlug, description: description.optional() })
  .strict();

export const tagMergeSchema = z.object({ targetId: id }).strict();

export type SectionCreate = z.infer<typeof sectionCreateSchema>;
export type SectionUpdate = z.infer<typeof sectionUpdateSchema>;
export type TagUpdate = z.infer<typeof tagUpdateSchema>;
