// A suite that needs an outside service (PostgreSQL, Redis, Chromium) asks
// here. When the service is missing it says so loudly; under CI (CI=true)
// that is a failure, never a silent skip.
import { describe, it } from "vitest";

export async function requireService(name: string, probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    const line = `${name} NOT AVAILABLE — the ${name} suite did not run (${(error as Error).message})`;
    console.error(`\n*** ${line} ***\n`);
    if (process.env.CI === "true") {
      describe(`${name} (required in CI)`, () => {
        it(`${name} must be available in CI`, () => {
          throw new Error(line);
        });
      });
    }
    return false;
  }
}
