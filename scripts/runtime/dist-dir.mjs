import path from "node:path";

/**
 * Where `next build` writes the build and `next start` reads it: `.next`, or NEXT_DIST_DIR. The
 * tests build into their own (`.next-e2e`, set by playwright.config.ts), so that `npm test` never
 * replaces the build under an `npm start` serving from the same checkout.
 */
export function distDirName() {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** The build's directory in the checkout at `root`. @param {string} root */
export function distDir(root) {
  return path.join(root, distDirName());
}
