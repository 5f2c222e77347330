// `[LOCAL:]PORT` as kubectl port-forward reads it, and the Pod's declared port a name stands
// for. Pure: the Pod is passed in.

export interface PortForwardSpec {
  /** As typed, for messages. */
  text: string;
  /** 0: any free port. */
  local: number;
  /** A container port number, or a declared port's name. */
  remote: number | string;
  /** True when LOCAL was not given at all (`PORT`): it is PORT itself, once PORT is a number. */
  localFromRemote: boolean;
}

export interface ResolvedForward {
  text: string;
  local: number;
  remote: number;
}

const NUMBER = /^\d+$/;
// An IANA_SVC_NAME, which is what a container port's name must be.
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

function portNumber(text: string, min: number): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= 65535 ? value : undefined;
}

/** Parses one `[LOCAL:]PORT` argument; a string is the one-line reason it is not one. */
export function parsePortForwardSpec(text: string): PortForwardSpec | string {
  const parts = text.split(':');
  if (parts.length > 2 || text === '') return `invalid port "${text}": want [LOCAL:]PORT, e.g. 8080:80, :80 or 80`;
  const [localText, remoteText] = parts.length === 2 ? parts : [undefined, parts[0]!];
  let remote: number | string;
  if (NUMBER.test(remoteText!)) {
    const n = portNumber(remoteText!, 1);
    if (n === undefined) return `invalid port "${text}": the Pod's port must be 1-65535`;
    remote = n;
  } else if (PORT_NAME.test(remoteText!)) {
    remote = remoteText!;
  } else {
    return `invalid port "${text}": the Pod's port must be a number or a declared port's name`;
  }
  if (localText === undefined) return { text, local: typeof remote === 'number' ? remote : 0, remote, localFromRemote: true };
  if (localText === '') return { text, local: 0, remote, localFromRemote: false };
  const local = portNumber(localText, 0);
  if (local === undefined) return `invalid port "${text}": the local port must be 0-65535 (0 or empty: any free port)`;
  return { text, local, remote, localFromRemote: false };
}

/** What of a Pod the port spec is resolved against: its name and its containers' declared ports. */
export interface PodPorts {
  metadata?: { name?: string };
  spec?: { containers?: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[] };
}

/** The port a declared name stands for, searched in container order as kubectl does. */
function namedPort(pod: PodPorts, name: string): number | undefined {
  for (const container of pod.spec?.containers ?? []) {
    const port = (container.ports ?? []).find((p) => p.name === name);
    if (port) return port.containerPort;
  }
  return undefined;
}

/** A port the Pod declares for UDP only: port-forward carries TCP, so kubectl refuses it. */
function udpOnly(pod: PodPorts, port: number): boolean {
  const declared = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).filter((p) => p.containerPort === port);
  return declared.length > 0 && declared.every((p) => (p.protocol ?? 'TCP') === 'UDP');
}

/** Turns names into the Pod's port numbers; a string is the one-line reason it cannot. */
export function resolvePortForwardSpec(spec: PortForwardSpec, pod: PodPorts): ResolvedForward | string {
  const podName = pod.metadata?.name ?? '';
  let remote: number;
  if (typeof spec.remote === 'string') {
    const found = namedPort(pod, spec.remote);
    if (found === undefined) return `Pod '${podName}' does not have a named port '${spec.remote}'`;
    remote = found;
  } else {
    remote = spec.remote;
  }
  if (udpOnly(pod, remote)) return `UDP protocol is not supported for ${remote}`;
  return { text: spec.text, local: spec.localFromRemote ? remote : spec.local, remote };
}
