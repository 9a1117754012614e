export interface ManifestCheckOptions {
  /** The build output that must hold every page and icon under DEV_URL; null skips that check. Default: dist/ beside scripts/. */
  distDir?: string | null;
  /** Name used at the start of each problem line. Default: the file's base name. */
  label?: string;
}

/** Checks a manifest file; returns one line per problem (empty when it is fine). */
export function checkManifest(manifestPath: string, options?: ManifestCheckOptions): string[];

/** Checks manifest XML text; returns one line per problem (empty when it is fine). */
export function checkManifestText(xmlText: string, options?: ManifestCheckOptions): string[];

/** The dev server URL the committed manifest uses: https://localhost:3000/ */
export const DEV_URL: string;
