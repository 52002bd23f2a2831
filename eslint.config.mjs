import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The public site links with plain <a> on purpose: every public page is a
    // cacheable document served from the page cache (README, "Caching"),
    // whereas a client-side navigation would render a fresh payload per click.
    files: ["app/(site)/**/*.tsx", "components/site/**/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // Playwright fixtures call their argument `use`; it is not a React hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
