import { DomainError } from '@tracker/domain/shared/domain-error';
import { ConcurrencyError } from '@tracker/event-store/event-store.errors';
import type { CommandContext } from '@tracker/commands/command-context';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';

/** One import of one file: the facts every command of the run shares. */
export interface ImportRun {
  /** Base name of the file, cited in every event's source. */
  readonly file: string;
  readonly text: string;
  /** SHA-256 of the file's bytes: with the row it makes each command's idempotency key. */
  readonly contentHash: string;
  readonly now: Date;
  readonly actor: string;
  /** One per run, so an auditor can find every event an import wrote. */
  readonly correlationId: string;
}

/** Reads the file and fixes the run's time, actor and correlation id. */
export async function startRun(path: string): Promise<ImportRun> {
  const bytes = await readFile(path);
  return {
    file: basename(path),
    text: bytes.toString('utf8'),
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    now: new Date(),
    actor: `importer:${currentUser() ?? 'cli'}`,
    correlationId: randomUUID(),
  };
}

/**
 * Context of one command: `key` names the row and the operation, so ids of new records and events
 * are the same however often the same file is imported (the diff normally leaves nothing to do).
 */
export const commandContext = (run: ImportRun, key: string): CommandContext => ({
  now: run.now,
  actor: run.actor,
  correlationId: run.correlationId,
  causationId: randomUUID(),
  idempotencyKey: `${run.contentHash}:${key}`,
});

/** A rule said no, or another writer got there first: the row is rejected, the import goes on. Anything else is fatal. */
export function rejectionReason(error: unknown): string | undefined {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  if (error instanceof ConcurrencyError) return `changed by another writer during the import (${error.message})`;
  return undefined;
}

/** Today's date (UTC) as `YYYY-MM-DD`. */
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);

function currentUser(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
