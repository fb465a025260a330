// GET /tag/[slug]/feed.xml – RSS 2.0 of the newest 50 public articles with a tag (404 if readers cannot see it)
import { scopedFeedRoute } from "@/server/feed-handler";

export const GET = scopedFeedRoute("rss", "tag", "slug");
