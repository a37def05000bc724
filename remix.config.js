/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // lucia and its drizzle adapter are ESM-only.
  serverModuleFormat: "esm",
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/__*"],
  // Bundled so that server-only helpers shared with server.ts resolve the same way.
  serverDependenciesToBundle: [/^@utrecht\//],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
