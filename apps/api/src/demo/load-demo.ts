import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_WRITES } from './demo-records';

/** Sends every demo write through the API's own routes; returns the number of records written. */
export async function loadDemo(app: NestFastifyApplication): Promise<number> {
  const ids = new Map<string, string>();
  for (const write of DEMO_WRITES) {
    const url = write.path.replace(/\{(\w+)\}/g, (_, ref: string) => ids.get(ref) ?? ref);
    const response = await app.inject({
      method: 'POST',
      url,
      payload: write.body,
      headers: { 'x-correlation-id': 'demo-load' },
    });
    if (response.statusCode !== 201) {
      throw new Error(`Demo write ${url} failed with ${response.statusCode}: ${response.body}`);
    }
    if (write.ref) ids.set(write.ref, (JSON.parse(response.body) as { id: string }).id);
  }
  return DEMO_WRITES.length;
}
