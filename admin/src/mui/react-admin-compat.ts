import { fileURLToPath } from 'node:url';

/**
 * react-admin 5.15 was written for MUI 5–7 and still hands MUI 9's TextField props it dropped
 * (`InputProps`, `inputProps`, `InputLabelProps`), which React reports on every page with a form or a
 * sign-in. Its imports of MUI's text field resolve to ./text-field.tsx instead; everyone else's stay MUI's.
 * Used both by Vite's dev server and by its pre-bundling of react-admin (where most of these imports live).
 */
const SHIMS: Record<string, string> = {
  '@mui/material': fileURLToPath(new URL('./material.ts', import.meta.url)),
  '@mui/material/TextField': fileURLToPath(new URL('./material-text-field.ts', import.meta.url)),
};
const fromReactAdmin = (importer: string | undefined) => !!importer && /[\\/]ra-ui-materialui[\\/]/.test(importer);

export const reactAdminOnMui9 = {
  name: 'atelier:react-admin-on-mui-9',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    return fromReactAdmin(importer) ? (SHIMS[source] ?? null) : null;
  },
};
