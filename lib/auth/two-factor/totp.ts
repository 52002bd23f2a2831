import { generateSecret, generateURI, verify } from "otplib/functional";
import QRCode from "qrcode";

/**
 * TOTP (RFC 6238) with otplib: 30-second steps, 6 digits, SHA-1, the
 * parameters every authenticator app understands. A code is accepted one step
 * either side of now (clock drift, typing time) and only once: the step it
 * matched must be later than the last one used.
 */
const TOLERANCE_SECONDS = 30;

export interface TotpEnrolment {
  /** Base32 key for typing in by hand. */
  secret: string;
  uri: string;
  /** The otpauth URI as a QR code image (data: URL, drawn locally, nothing fetched). */
  qrDataUrl: string;
}

export async function createTotpEnrolment(issuer: string, accountName: string): Promise<TotpEnrolment> {
  const secret = generateSecret();
  const uri = generateURI({ issuer, label: accountName, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 220 });
  return { secret, uri, qrDataUrl };
}

/** Groups of four for reading aloud and typing: "ABCD EFGH …". */
export function formatManualKey(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/** The time step the code matched, or null (wrong, malformed, or already used). */
export async function verifyTotpCode(secret: string, code: string, lastUsedStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
    });
    return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
  } catch {
    return null;
  }
}
