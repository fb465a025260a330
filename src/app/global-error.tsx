"use client";

// Last resort when the root layout itself fails: plain HTML, no data, no site chrome.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem", color: "#16181d" }}>
        <h1>Something went wrong on our side</h1>
        <p>Please try again in a moment.</p>
        <p>
          <button type="button" onClick={retry} style={{ minHeight: 44, padding: "0 1rem" }}>
            Try again
          </button>{" "}
          {/* A full page load on purpose: the app shell itself failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/" style={{ color: "#8a0015" }}>
            Go to the front page
          </a>
        </p>
      </body>
    </html>
  );
}
