import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), never a downloaded one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and kept from calling out of this machine. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-proxy-server',
];

/** Starts headless Chromium for a browser test. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
