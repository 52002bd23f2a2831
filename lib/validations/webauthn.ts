import { z } from "zod";

/** The outline of a WebAuthn response as the browser library sends it; the library checks the rest. */
const credentialBase = {
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const authenticationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: z.string().max(8192),
    authenticatorData: z.string().max(8192),
    signature: z.string().max(8192),
    userHandle: z.string().max(1024).optional(),
  }),
});

export const registrationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: z.string().max(8192),
    attestationObject: z.string().max(65536),
    transports: z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).optional(),
    publicKeyAlgorithm: z.number().optional(),
    publicKey: z.string().max(8192).optional(),
    authenticatorData: z.string().max(65536).optional(),
  }),
});
