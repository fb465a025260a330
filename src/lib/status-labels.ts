/** How article states read in the newsroom. */
export const statusLabels = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
} as const;
export type StatusKey = keyof typeof statusLabels;
