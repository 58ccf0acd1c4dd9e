import { chromium, type Browser } from 'playwright-core';

/**
 * The system's Chromium (Debian's package), headless, fetching nothing on its own behalf.
 * `args`: more switches, after these (the editor bench unthrottles frames and timers).
 */
export function launchChromium({ args = [] }: { args?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...args],
  });
}
