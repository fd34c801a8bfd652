/**
 * What the options page may ask of the browser about sites the user adds. Components receive it
 * as a prop (entrypoints/options/main.tsx supplies the real one), so they never call browser.*.
 */
export interface SiteAccess {
  /** Asks the user for this origin. Call it straight from a click or submit handler: browsers ask only during a user gesture. */
  request(origin: string): Promise<boolean>;
  /** Whether this origin's permission is granted now: settings synced from another device may name sites not granted here. */
  granted(origin: string): Promise<boolean>;
  /** Asks for these host patterns and 'scripting' at once ("Also check financial sites"); from a click handler only. */
  requestPatterns(patterns: string[]): Promise<boolean>;
}

/** The host permission pattern for an origin; ports are left out because match patterns cannot carry them everywhere. */
export const originPattern = (origin: string) => `https://${new URL(origin).hostname}/*`;
