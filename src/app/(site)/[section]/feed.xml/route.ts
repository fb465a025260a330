// GET /[section]/feed.xml – RSS 2.0 of the newest 50 public articles in a section (404 if readers cannot see it)
import { scopedFeedRoute } from "@/server/feed-handler";

export const GET = scopedFeedRoute("rss", "section", "section");
