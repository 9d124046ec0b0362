import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds Chromium for the journeys: CHROMIUM_PATH or Debian's /usr/bin/chromium. As root on
 * Debian it installs Debian's package (with a CJK font, so screenshots are readable);
 * otherwise it names the command. Never downloads a browser build.
 */
export function findChromium(): string | null {
  const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(wanted)) return wanted;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/etc/debian_version')) {
    console.log("Chromium not found: installing Debian's chromium with apt-get");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-zenhei'], { stdio: 'inherit', env });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(`Chromium not found at ${wanted}. Install it with: sudo apt-get install -y chromium  (or set CHROMIUM_PATH)`);
  return null;
}
