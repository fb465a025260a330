// GET /author/[slug]/feed.json – JSON Feed 1.1 of the newest 50 public articles by an author (404 if readers cannot see it)
import { scopedFeedRoute } from "@/server/feed-handler";

export const GET = scopedFeedRoute("json", "author", "slug");
