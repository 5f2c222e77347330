// The sim's pods/log subresource: the endpoint the core routes to, and the hub it creates.
export { handlePodLog } from './endpoint.ts';
export { createLogHub, type LogHub, type LogHubOptions } from './hub.ts';
export { firehoseLine, type FirehoseOptions } from './firehose.ts';
export { formatNano } from './timestamps.ts';
