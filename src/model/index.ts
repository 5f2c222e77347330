export type * from './types.ts';
export { toPodRow } from './podRow.ts';
export { toPodHost } from './memo.ts';
export { buildPodHost } from './podHost.ts';
export { podStatusColumns } from './status.ts';
export { computeQos } from './qos.ts';
export { eventViews } from './events.ts';
export { parseProcNet, mergeProbe } from './procNet.ts';
export { toSnapshotJson } from './snapshotJson.ts';
