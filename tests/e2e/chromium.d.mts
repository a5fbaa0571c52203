export declare const baseArgs: string[]

/** The Chromium to launch (CHROME_PATH, else /usr/bin/chromium, else the npm package's), its flags, and a French description. */
export declare function findChromium(): Promise<{ executablePath: string; args: string[]; source: string }>
