/** Type declarations for the Cytoscape extensions that ship without types. */
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module 'cytoscape-svg' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare namespace cytoscape {
  interface Core {
    /** From cytoscape-svg: the view as an SVG document string. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
/** Replaced at build time (vite.config.ts): true only in the test build that bundles tests/browser/fixtures. */
declare const __MECHKG_FIXTURES__: boolean;
/** scripts/vite-plugin-curated-graph.ts: the URL of the curated graph's build-time snapshot (JSON). */
declare module 'virtual:mechkg-curated-graph' {
  const url: string;
  export default url;
}
