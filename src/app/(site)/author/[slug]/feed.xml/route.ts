// GET /author/[slug]/feed.xml – RSS 2.0 of the newest 50 public articles by an author (404 if readers cannot see it)
import { scopedFeedRoute } from "@/server/feed-handler";

export const GET = scopedFeedRoute("rss", "author", "slug");
