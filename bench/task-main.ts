import 'reflect-metadata';

/**
 * Child-process entry of `runTask`: `task-main.ts <task> <json args>`; reports `{ ok }` or
 * `{ error }` over IPC, then exits (so open handles of the measured code cannot hang the run).
 * Each task module is loaded only when asked for, so a child carries no other group's code.
 */
const TASKS: Record<string, () => Promise<(args: any) => Promise<unknown>>> = {
  seed: async () => (await import('./dataset')).seedTask,
  append: async () => (await import('./append.bench')).appendTask,
  'emmett-append': async () => (await import('./emmett.bench')).emmettAppendTask,
  'emmett-fold': async () => (await import('./emmett-fold')).emmettFoldTask,
  rebuild: async () => (await import('./rebuild.bench')).rebuildTask,
  floor: async () => (await import('./floor.bench')).floorTask,
  reference: async () => (await import('./reference.bench')).referenceTask,
  queries: async () => (await import('./queries.bench')).queriesTask,
};

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const load = TASKS[task];
  try {
    if (!load) throw new Error(`unknown task ${task}`);
    const result = await (await load())(JSON.parse(json));
    process.send!({ ok: result }, () => process.exit(0));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send!({ error: message }, () => process.exit(1));
  }
}

void main();
