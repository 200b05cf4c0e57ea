/**
 * Browser tests: Debian's Chromium (/usr/bin/chromium; scripts/e2e.sh installs it with apt when missing),
 * driving the real server on a fresh SQLite database. Never `playwright install`.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-1' };

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    locale: 'es-ES',
    trace: 'off',
  },
  webServer: {
    command: `rm -rf .tmp/e2e-data-${PORT} && node --import tsx src/main.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${PORT}`,
      DATA_DIR: `.tmp/e2e-data-${PORT}`,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      LOG_LEVEL: 'warn',
      PAGE_CACHE_TTL: '30',
      DATABASE_URL: '',
      SMTP_URL: '',
    },
  },
});
