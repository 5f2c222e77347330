// A container's sandbox as planned: containerRoot.ts makes it from the Pod, the sandbox
// (bwrap or unshare) and the exec session run a command in it.
/** One bind in a container's sandbox: a host directory (or file) at a path inside it. */
export interface PlannedMount {
  source: string;
  target: string;
  readOnly: boolean;
}

/** What the sandbox is built from: the container's private root, its mounts, its hostname. */
export interface ContainerPlan {
  root: string;
  /** Shallow first, so a deeper mount lands inside its parent as on a node. */
  mounts: PlannedMount[];
  hostname: string;
  workingDir: string;
}
