import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    files: ["**/*.{js,jsx,ts,tsx,mjs}"],
    rules: {
      // User content reaches the page only through the body renderer (see DESIGN.md).
      "react/no-danger": "error",
      // A leading underscore marks a parameter or binding that is deliberately unused.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Reader pages: links do not prefetch. A page's links in view each cost a request and, worse
    // on a phone, main-thread work while the page is still starting (Lighthouse, article page:
    // total blocking time 1,054 → 480 ms median, docs/PERFORMANCE.md); a click still navigates
    // in the client, from our cached pages.
    files: [
      "src/components/{site,front,article,search,listing,seo}/**/*.tsx",
      "src/app/(site)/**/*.tsx",
      "src/app/*.tsx",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name='Link']:not(:has(JSXAttribute[name.name='prefetch']))",
          message: "Reader links say prefetch={false} (see eslint.config.mjs).",
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-e2e/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "src/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
