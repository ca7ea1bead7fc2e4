// Makes sure a Chromium for the real-browser widget tests is present. It comes from Debian's
// `chromium` package (browser downloads from elsewhere are not available on our machines), installed
// with apt-get when we run as root; elsewhere it explains what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('[dbc-cloud] installing Debian chromium for the browser tests (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  '[dbc-cloud] The widget tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
    'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
);
process.exit(1);
