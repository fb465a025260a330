/**
 * `npm run secrets:reseal`: after AUTH_SECRET changed, with the old one kept as
 * AUTH_SECRET_PREVIOUS, seals every stored two-step secret again with the new key
 * (services/two-step.ts). Run through the launcher, which gives it the database and AUTH_SECRET.
 */
import { env } from "../src/lib/env.ts";
import { createPrismaClient } from "../src/server/prisma-client.ts";
import { resealTwoStepSecrets } from "../src/server/services/two-step.ts";

const { DATABASE_URL } = env();
if (!DATABASE_URL) throw new Error("DATABASE_URL is not set: run this through the launcher (npm run secrets:reseal).");
if (!process.env.AUTH_SECRET_PREVIOUS) console.log("AUTH_SECRET_PREVIOUS is not set: only counting what the current AUTH_SECRET reads.");
const prisma = createPrismaClient(DATABASE_URL, 2);
try {
  const { resealed, current, unreadable } = await resealTwoStepSecrets(prisma);
  console.log(`two-step secrets: ${resealed} sealed again with the current AUTH_SECRET, ${current} already were, ${unreadable} unreadable with either`);
  if (unreadable) console.log("Unreadable ones belong to members who must set two-step sign-in up again (an admin can turn it off for them).");
} finally {
  await prisma.$disconnect();
}
