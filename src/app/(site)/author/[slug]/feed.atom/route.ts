// GET /author/[slug]/feed.atom – Atom 1.0 of the newest 50 public articles by an author (404 if readers cannot see it)
import { scopedFeedRoute } from "@/server/feed-handler";

export const GET = scopedFeedRoute("atom", "author", "slug");
