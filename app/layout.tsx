import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";
import { feedPath } from "@/lib/urls";
import "./globals.css";

export function generateMetadata(): Metadata {
  const env = getEnv();
  return {
    metadataBase: new URL(env.NEWSDESK_SITE_URL),
    title: { default: env.NEWSDESK_SITE_NAME, template: `%s | ${env.NEWSDESK_SITE_NAME}` },
    openGraph: { siteName: env.NEWSDESK_SITE_NAME, locale: env.NEWSDESK_LANGUAGE },
    // Feed readers find the site-wide feeds from any page.
    alternates: {
      types: {
        "application/rss+xml": [{ url: feedPath("rss"), title: `${env.NEWSDESK_SITE_NAME} (RSS)` }],
        "application/atom+xml": [{ url: feedPath("atom"), title: `${env.NEWSDESK_SITE_NAME} (Atom)` }],
      },
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3d91" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={getEnv().NEWSDESK_LANGUAGE}>
      <body>{children}</body>
    </html>
  );
}
