import "server-only";

/**
 * A Prisma text filter matching `text` as written, in any case. Prisma's `contains` is SQL's LIKE
 * with the value as the pattern: a "%" or "_" typed into a search box matched anything (a search
 * for "%" listed every article). Escaped here with LIKE's own escape character, the backslash.
 */
export function containsText(text: string) {
  return { contains: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
