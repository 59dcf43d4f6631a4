// Types for find-chromium.mjs (plain JS so `node scripts/test.mjs` needs no TS loader).
export declare const launchArgs: readonly string[];
export declare const playwrightArgs: readonly string[];
export declare function findChromium(): string;
