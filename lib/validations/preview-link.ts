import { z } from "zod";

/** How long a share link lives, as offered in the share panel. */
export const PREVIEW_LINK_LIFETIMES = {
  "1h": { label: "1 hour", seconds: 3_600 },
  "24h": { label: "24 hours", seconds: 86_400 },
  "7d": { label: "7 days", seconds: 604_800 },
} as const;

export type PreviewLinkLifetime = keyof typeof PREVIEW_LINK_LIFETIMES;
export const DEFAULT_PREVIEW_LINK_LIFETIME: PreviewLinkLifetime = "24h";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Unknown story");

/** The "create a share link" form. */
export const createPreviewLinkSchema = z.object({
  articleId: uuid,
  lifetime: z.enum(Object.keys(PREVIEW_LINK_LIFETIMES) as [PreviewLinkLifetime, ...PreviewLinkLifetime[]], "Choose how long the link works"),
});

/** The "revoke" button of one link. */
export const revokePreviewLinkSchema = z.object({ articleId: uuid, linkId: uuid });

export type CreatePreviewLinkInput = z.infer<typeof createPreviewLinkSchema>;
