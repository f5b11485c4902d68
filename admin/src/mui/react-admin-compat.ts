import { fileURLToPath } from 'node:url';

/**
 * react-admin 5.15 was written for MUI 5–7 and still hands MUI 9's TextField props it dropped
 * (`InputProps`, `inputProps`, `InputLabelProps`, `inputRef`), which React reports on every page with a
 * form, a list or a sign-in. Its imports of those components resolve to ./legacy-props.tsx; everyone else's stay MUI's.
 * Used both by Vite's dev server and by its pre-bundling of react-admin (where most of these imports live).
 */
const SHIMS: Record<string, string> = {
  '@mui/material': fileURLToPath(new URL('./material.ts', import.meta.url)),
  ...Object.fromEntries(
    ['TextField', 'Checkbox', 'Switch', 'FormControlLabel'].map((name) => [
      `@mui/material/${name}`,
      fileURLToPath(new URL(`./subpaths/${name}.ts`, import.meta.url)),
    ]),
  ),
};
const fromReactAdmin = (importer: string | undefined) => !!importer && /[\\/]ra-ui-materialui[\\/]/.test(importer);

export const reactAdminOnMui9 = {
  name: 'atelier:react-admin-on-mui-9',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    return fromReactAdmin(importer) ? (SHIMS[source] ?? null) : null;
  },
};
