import { generate } from "otplib/functional";

/**
 * An authenticator app for tests: codes from otplib, as a phone would show
 * them. A server accepts each time step once, so every code comes from a step
 * later than the last one used (the next step, one step ahead of now at most,
 * is inside the server's tolerance).
 */
export class TestAuthenticator {
  private lastStep = -1;
  readonly secret: string;

  constructor(manualKey: string) {
    this.secret = manualKey.replace(/\s+/g, "");
  }

  async nextCode(): Promise<string> {
    const step = Math.max(Math.floor(Date.now() / 30_000), this.lastStep + 1);
    this.lastStep = step;
    return generate({ secret: this.secret, epoch: step * 30 });
  }
}
