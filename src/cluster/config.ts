// Kubeconfig with kubectl's rules. Each file is loaded by client-node itself (so exec plugins,
// client certificates and relative paths behave as client-node does them) and then merged
// the way kubectl merges: the first file to define a name or the current-context wins.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { Cluster, Context, User } from '@kubernetes/client-node';
import { UserError } from './errors.ts';

export interface ConfigFlags {
  /** --kubeconfig: that file alone. */
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  /** --request-timeout as kubectl takes it: "0", "30", "30s", "2m", "1h". */
  requestTimeout?: string;
  /** For tests: the environment and home directory to read instead of the process's. */
  env?: Record<string, string | undefined>;
  homeDir?: string;
}

export interface LoadedConfig {
  kubeConfig: KubeConfig;
  contextName: string;
  namespace: string;
  server: string;
  /** undefined: no limit. */
  requestTimeoutMs?: number;
  /** Where the configuration came from, for the status bar and error lines. */
  source: string;
  /** One line for stderr when the kubeconfig's credentials are withheld (plain http://). */
  notice?: string;
}

const SERVICEACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function loadFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new UserError(`kubeconfig ${file}: no such file`);
    if (code === 'EACCES') throw new UserError(`kubeconfig ${file}: permission denied`);
    if (code === 'EISDIR') throw new UserError(`kubeconfig ${file}: is a directory`);
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UserError(`kubeconfig ${file}: ${reason}`);
  }
  return kc;
}

function firstByName<T extends { name: string }>(into: Map<string, T>, items: readonly T[] | undefined): void {
  for (const item of items ?? []) {
    if (item && typeof item.name === 'string' && !into.has(item.name)) into.set(item.name, item);
  }
}

/** Merges files as kubectl does with a KUBECONFIG list; missing files are skipped. */
export function mergeKubeconfigFiles(files: readonly string[]): { kubeConfig: KubeConfig; loaded: string[] } {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext: string | undefined;
  const loaded: string[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const kc = loadFile(file);
    loaded.push(file);
    firstByName(clusters, kc.clusters);
    firstByName(users, kc.users);
    firstByName(contexts, kc.contexts);
    if (!currentContext && kc.currentContext) currentContext = kc.currentContext;
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return { kubeConfig, loaded };
}

/** kubectl's --request-timeout: a bare number is seconds; units s, m, h (and ms); 0 means none. */
export function parseRequestTimeout(value: string): number | undefined {
  const text = value.trim();
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!match) throw new UserError(`invalid --request-timeout "${value}": use a number of seconds or a duration like 30s, 2m`);
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
  // 0 stays 0: "no limit", as kubectl reads it; absent (undefined) means the default limit.
  return Math.round(amount * factor);
}

function inClusterAvailable(env: Record<string, string | undefined>): boolean {
  return Boolean(env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && fs.existsSync(`${SERVICEACCOUNT}/token`));
}

/** Finds and loads the kubeconfig, applies --context/--cluster/--user/--namespace; throws UserError. */
export function loadConfig(flags: ConfigFlags = {}): LoadedConfig {
  const env = flags.env ?? process.env;
  let kubeConfig: KubeConfig;
  let source: string;
  if (flags.kubeconfig) {
    kubeConfig = loadFile(path.resolve(flags.kubeconfig));
    source = flags.kubeconfig;
  } else if (env.KUBECONFIG) {
    const files = env.KUBECONFIG.split(path.delimiter).filter((f) => f.length > 0);
    const merged = mergeKubeconfigFiles(files);
    if (merged.loaded.length === 0) throw new UserError(`kubeconfig: none of the files in KUBECONFIG exist (${files.join(path.delimiter)})`);
    kubeConfig = merged.kubeConfig;
    source = merged.loaded.join(path.delimiter);
  } else {
    const home = flags.homeDir ?? env.HOME ?? os.homedir();
    const file = path.join(home, '.kube', 'config');
    if (fs.existsSync(file)) {
      kubeConfig = loadFile(file);
      source = file;
    } else if (inClusterAvailable(env)) {
      kubeConfig = new KubeConfig();
      kubeConfig.loadFromCluster();
      source = 'in-cluster service account';
    } else {
      throw new UserError(`kubeconfig ${file}: no such file (set KUBECONFIG, pass --kubeconfig, or run inside a cluster)`);
    }
  }
  return applyOverrides(kubeConfig, flags, source);
}

function applyOverrides(kubeConfig: KubeConfig, flags: ConfigFlags, source: string): LoadedConfig {
  const contextName = flags.context ?? kubeConfig.getCurrentContext();
  if (!contextName) throw new UserError(`kubeconfig ${source}: no current context is set (use --context)`);
  const context = kubeConfig.getContextObject(contextName);
  if (!context) throw new UserError(`context "${contextName}" not found in kubeconfig`);
  const effective: Context = {
    ...context,
    cluster: flags.cluster ?? context.cluster,
    user: flags.user ?? context.user,
  };
  if (!kubeConfig.getCluster(effective.cluster)) throw new UserError(`cluster "${effective.cluster}" not found in kubeconfig (context "${contextName}")`);
  if (flags.user !== undefined && !kubeConfig.getUser(effective.user)) throw new UserError(`user "${effective.user}" not found in kubeconfig`);
  if (effective !== context) {
    kubeConfig.contexts = kubeConfig.contexts.map((c) => (c.name === contextName ? effective : c));
  }
  kubeConfig.setCurrentContext(contextName);
  const notice = withholdCredentialsOverHttp(kubeConfig);
  allowPlainHttp(kubeConfig);
  const namespace = flags.namespace || context.namespace?.trim() || 'default';
  const server = kubeConfig.getCurrentCluster()?.server ?? '';
  const requestTimeoutMs = flags.requestTimeout !== undefined ? parseRequestTimeout(flags.requestTimeout) : undefined;
  return { kubeConfig, contextName, namespace, server, requestTimeoutMs, source, ...(notice ? { notice } : {}) };
}

/**
 * Makes `name` the current context of an already loaded kubeconfig (`:ctx` in the TUI): every
 * request after this goes to its cluster as its user, with the same plain-http rule as at
 * start. Returns its namespace, and the line saying credentials were withheld if they were.
 */
export function switchContext(kubeConfig: KubeConfig, name: string): { namespace: string; notice?: string } {
  const context = kubeConfig.getContextObject(name);
  if (!context) throw new UserError(`context "${name}" not found in kubeconfig`);
  if (!kubeConfig.getCluster(context.cluster)) throw new UserError(`cluster "${context.cluster}" not found in kubeconfig (context "${name}")`);
  kubeConfig.setCurrentContext(name);
  const notice = withholdCredentialsOverHttp(kubeConfig);
  return { namespace: context.namespace?.trim() || 'default', ...(notice ? { notice } : {}) };
}

/**
 * kubectl talks to an http:// server (kubectl proxy, a local test server) as it is; client-node
 * refuses unless skipTLSVerify is set. There is no TLS to verify on http://, so set it there.
 */
function allowPlainHttp(kubeConfig: KubeConfig): void {
  kubeConfig.clusters = kubeConfig.clusters.map((c) => (c.server.startsWith('http:') && !c.skipTLSVerify ? { ...c, skipTLSVerify: true } : c));
}

/** What a kubeconfig user may carry that authenticates it; none of it may cross plain http. */
function hasCredentials(user: User): boolean {
  return Boolean(user.token || user.authProvider || user.exec || user.username || user.password || user.certData || user.certFile || user.keyData || user.keyFile);
}

/**
 * Like kubectl: a token, a password or a client key is never sent over plain http://, where
 * anyone on the path can read it, and an exec credential plugin is not run for such a server.
 * The current user is replaced by one with nothing but its name (and impersonation, which is no
 * secret). Returns the line that says so, or undefined when nothing was withheld.
 */
function withholdCredentialsOverHttp(kubeConfig: KubeConfig): string | undefined {
  const cluster = kubeConfig.getCurrentCluster();
  const user = kubeConfig.getCurrentUser();
  if (!cluster || !user || !cluster.server.startsWith('http:') || !hasCredentials(user)) return undefined;
  const bare: User = { name: user.name, ...(user.impersonateUser ? { impersonateUser: user.impersonateUser } : {}) };
  kubeConfig.users = kubeConfig.users.map((u) => (u.name === user.name ? bare : u));
  return `warning: ${cluster.server} is plain http: the credentials of user "${user.name}" are not sent (use https)`;
}
