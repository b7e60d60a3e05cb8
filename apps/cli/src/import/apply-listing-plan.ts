import {
  type SanctionedEntityCommand,
  sanctionedEntityDecider,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { sanctionedEntityStreamId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import { handleCommand } from '@tracker/commands/handle-command';
import { commandContext, type ImportRun, rejectionReason } from './import-run';
import type { ImportTally } from './import-result';
import type { ListingOperation, ListingPlan } from './listing-diff';
import type { Progress } from './progress';

/**
 * Issues the plan's commands through the sanctioned-entity decider and `handleCommand`, the same path
 * as the API's handlers. A rule violation rejects that row only; any other error stops the import.
 */
export async function applyListingPlan(
  store: EventStorePort,
  run: ImportRun,
  plan: ListingPlan,
  tally: ImportTally,
  progress: Progress,
): Promise<void> {
  tally.unchanged += plan.unchanged;
  tally.rejected.push(...plan.rejected);
  for (const operation of plan.operations) {
    const context = commandContext(
      run,
      `${operation.at}:${operation.kind}:${operation.entityId}@${operation.revision}`,
    );
    try {
      await handleCommand(
        store,
        sanctionedEntityStreamId(operation.entityId),
        sanctionedEntityDecider,
        toCommand(operation, run.now),
        context,
      );
      if (operation.kind === 'add') tally.added++;
      else if (operation.kind === 'amend') tally.amended++;
      else tally.removed++;
    } catch (error) {
      const reason = rejectionReason(error);
      if (reason === undefined) throw error;
      tally.rejected.push({ at: operation.at, order: operation.order, reason });
    } finally {
      progress.tick();
    }
  }
}

function toCommand(operation: ListingOperation, now: Date): SanctionedEntityCommand {
  const { entityId } = operation;
  switch (operation.kind) {
    case 'add':
      return { type: 'AddSanctionedEntity', data: { ...operation.facts, entityId }, now };
    case 'amend':
      return {
        type: 'AmendSanctionedEntity',
        data: { entityId, changes: operation.changes, source: operation.source },
        now,
      };
    case 'remove': {
      const { effectiveOn, source, reason } = operation;
      return { type: 'RemoveSanctionedEntity', data: { entityId, effectiveOn, reason, source }, now };
    }
  }
}
