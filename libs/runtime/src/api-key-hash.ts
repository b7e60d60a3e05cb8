import { hash } from 'node:crypto';

/** Keys are configured and compared as SHA-256 hashes; the keys themselves are never stored or logged. */
export const hashApiKey = (key: string) => hash('sha256', key, 'hex');
