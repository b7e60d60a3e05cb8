import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('log output', () => {
  it('writes every line logged before the process exits, though writes are asynchronous', () => {
    const script = `
      const { createLogger } = require(${JSON.stringify(join(__dirname, 'logger.options'))});
      const logger = createLogger('info');
      for (let i = 0; i < 2000; i++) logger.info({ i }, 'line');
      process.exit(3);
    `;
    const child = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', script],
      {
        encoding: 'utf8',
        env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '../../../../tsconfig.json') },
      },
    );
    expect(child.status).toBe(3);
    const lines = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { i: number; level: string });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(lines[0].level).toBe('info');
  });
});
