/**
 * How a sign-in's first step was taken (a password, or an OAuth provider's id), with its name
 * for people: the sign-in page's buttons, tickets to the second step, and the methods the audit
 * log records and the profile lists.
 */
export const firstStepNames = { password: "Password", github: "GitHub", google: "Google" } as const;
export type FirstStep = keyof typeof firstStepNames;
export const FIRST_STEPS = Object.keys(firstStepNames) as FirstStep[];

/** A first step's name for people; an id this build does not know, as it is. */
export const firstStepName = (id: string): string => firstStepNames[id as FirstStep] ?? id;
