import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { reactAdminOnMui9 } from './src/mui/react-admin-compat.ts';

/**
 * Libraries the admin imports, pre-bundled when the dev server starts: discovering one on the first page
 * load would make Vite re-optimise and reload the page mid-session (and mid-test).
 */
const prebundled = [
  'react',
  'react/jsx-runtime',
  'react-dom/client',
  'react-admin',
  'react-router',
  'ra-i18n-polyglot',
  'ra-language-english',
  '@mui/material',
  '@apollo/client',
  'graphql',
  'graphql-ws',
  // the icons the hand-written views import, one module each
  '@mui/icons-material/Block',
  '@mui/icons-material/CalendarMonth',
  '@mui/icons-material/ContentCopy',
  '@mui/icons-material/Hub',
  '@mui/icons-material/Link',
  '@mui/icons-material/PlayCircleOutlineOutlined',
  '@mui/icons-material/Schedule',
  '@mui/icons-material/Sync',
  '@mui/icons-material/ViewKanban',
];

/** The admin's Vite config; `/graphql` (HTTP and WebSocket) goes to the gateway at `gatewayUrl`'s origin. */
export function adminConfig(gatewayUrl: string): UserConfig {
  return {
    root: import.meta.dirname,
    plugins: [reactAdminOnMui9, react()],
    server: {
      proxy: { '/graphql': { target: new URL(gatewayUrl).origin, ws: true, changeOrigin: true } },
      warmup: { clientFiles: ['./src/main.tsx'] },
    },
    optimizeDeps: { include: prebundled, rolldownOptions: { plugins: [reactAdminOnMui9] } },
    build: { outDir: 'dist', chunkSizeWarningLimit: 3000 },
  };
}

export default defineConfig(adminConfig(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql'));
