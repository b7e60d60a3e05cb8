import { loadConfig } from '@tracker/runtime/app.config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap';

/**
 * `npm run openapi`: writes the document the built API serves at `/docs-json` to
 * `openapi.json`, from an app on a scratch data folder that never listens. Run after
 * changing a route, DTO or response class; `openapi.e2e-spec.ts` fails until then.
 */
async function main(): Promise<void> {
  // npm runs scripts at the repository root.
  const file = join(process.cwd(), 'openapi.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'tracker-openapi-'));
  try {
    // Only what the document cannot depend on is configured: a scratch store, no log, no projection thread.
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PROJECTIONS: 'inline' }), {
      logger: false,
    });
    await app.init();
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    await app.close();
    if (response.statusCode !== 200) throw new Error(`GET /docs-json answered ${response.statusCode}`);
    writeFileSync(file, `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
