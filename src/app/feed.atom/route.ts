// GET /feed.atom – Atom 1.0 of the newest 50 public articles
import { siteFeedRoute } from "@/server/feed-handler";

export const GET = siteFeedRoute("atom");
