/**
 * Browser tests: Debian's Chromium (/usr/bin/chromium; scripts/e2e.sh installs it with apt when missing),
 * driving the real server on a fresh SQLite database. Never `playwright install`.
 */
import { defineConfig } from '@playwright/test';

/** The first worker's server port; worker N uses E2E_PORT + N (tests/e2e/support.ts starts one server per worker). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-1' };

/** The environment of a worker's server: its port, its own data directory (a fresh SQLite database), the seeded administrator. */
export function serverEnv(port: number): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: `.tmp/e2e-data-${port}`,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    LOG_LEVEL: 'warn',
    PAGE_CACHE_TTL: '30',
    DATABASE_URL: '',
    SMTP_URL: '',
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Files run side by side, each worker against its own server; a file's tests run in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    locale: 'es-ES',
    trace: 'off',
  },
});
