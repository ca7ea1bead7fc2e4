// Runs scripts/start.mjs (what `npm start` runs after building) as a child process, for tools and
// tests that need the demo storefront: resolves once its banner names the URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts the demo site. `env` adds to the environment (PORT, DBC_DEVNET_PORT, DBC_CLIENT_NODE_PORT;
 * 0 picks free ports). Resolves to `{ url, output(), stop() }`; stop() sends SIGTERM as Ctrl-C would
 * and resolves with the exit code.
 */
export async function startSite({ env = {}, timeoutMs = 90_000 } = {}) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scripts/start.mjs did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const m = /demo storefront\s+(http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/start.mjs exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        return exited;
      }
      return code;
    },
  };
}
