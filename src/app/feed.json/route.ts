// GET /feed.json – JSON Feed 1.1 of the newest 50 public articles
import { siteFeedRoute } from "@/server/feed-handler";

export const GET = siteFeedRoute("json");
