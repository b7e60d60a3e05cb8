import { startAppProcess } from '@tracker/testing/app-process';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('durability: a 201 survives SIGKILL of the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tracker-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finds the statement and the entity after kill -9 and restart', async () => {
    const first = await startAppProcess('api', { DATA_DIR: dataDir });
    const statement = await post(`${first.url}/v1/statements`, statementBody({ speaker: 'Crash Check' }));
    const entity = await post(`${first.url}/v1/sanctioned-entities`, entityBody({ name: 'Crash Check Co' }));
    expect([statement.status, entity.status]).toEqual([201, 201]);
    await first.kill('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startAppProcess('api', { DATA_DIR: dataDir });
    try {
      const { id } = (await statement.json()) as { id: string };
      const deadline = Date.now() + 10_000;
      let items: { id: string }[] = [];
      while (items.length === 0 && Date.now() < deadline) {
        items = ((await (await fetch(`${second.url}/v1/statements?speaker=Crash%20Check`)).json()) as { items: [] })
          .items;
        if (items.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(items.map((s) => s.id)).toEqual([id]);
      const again = await post(`${second.url}/v1/sanctioned-entities`, entityBody({ name: 'Crash Check Co' }));
      expect(again.status).toBe(409);
    } finally {
      await second.kill();
    }
  }, 120_000);
});
