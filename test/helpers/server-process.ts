// The server as `npm start` runs it (tsx loaded into Node with the server's
// Node options: one process, so SIGKILL kills the code itself), on a port of
// the test's, waited for until /api/health answers; and a hard kill. For the
// tests that kill or share a real process: restart, chaos, Redis, takeover.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { SERVER_NODE_OPTIONS } from "../../server/node-options.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed, stdout and stderr. */
  output: string[];
}

/**
 * Starts server/main.ts on 127.0.0.1:`port`. The environment is the test's
 * without its DATABASE_URL and REDIS_URL (SQLite in ./data, no Redis) unless
 * `env` sets them; `env` comes last.
 */
export async function startServerProcess(port: number, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const output: string[] = [];
  const url = `http://127.0.0.1:${port}`;
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url };
  delete full.DATABASE_URL;
  delete full.REDIS_URL;
  Object.assign(full, env);
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS.split(" "), "--import", "tsx", "server/main.ts"], { cwd: ROOT, env: full, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited:\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url, output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`server on ${port} did not start:\n${output.join("")}`);
}

/** SIGKILL, and wait until it is gone (nothing when it already is). */
export async function killHard(proc: ServerProcess): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((r) => proc.child.once("exit", r));
  proc.child.kill("SIGKILL");
  await exited;
}
