// The sim's pods/log subresource: the endpoint the core routes to, and the hub it creates.
export { handlePodLog } from './endpoint.ts';
export { createLogHub, type LogHub } from './hub.ts';
export { firehoseLine } from './firehose.ts';
