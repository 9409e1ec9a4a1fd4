import type { BrowserContext } from 'playwright-core';

type Env = Record<string, string | undefined>;

export declare const CHROMIUM_ARGS: readonly string[];
export declare const CHROMIUM_CANDIDATES: readonly string[];
export declare const INSTALL_COMMAND: string;
export declare function findChromium(env?: Env, candidates?: readonly string[]): string | null;
export declare function ensureChromium(options?: {
  env?: Env;
  candidates?: readonly string[];
  install?: (() => void) | null;
}): string;
export declare function launchChromium(profileDir: string): Promise<BrowserContext>;
