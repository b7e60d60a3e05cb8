import { createHash } from 'node:crypto';

/** Keys are configured and compared as SHA-256 hashes; the keys themselves are never stored or logged. */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');
