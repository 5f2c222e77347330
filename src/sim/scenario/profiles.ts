// What runs inside containers, as far as the sim needs it: which shells the image has, how its
// log lines look and how fast they come, and how its CPU/memory usage moves over time.
// Every function is pure in (n, now) so restarts, tests and two servers agree line for line.
import type { ContainerRuntime, LogProfile } from './types.ts';
import { hash32 } from './rng.ts';

export const SHELLS_DEBIAN: readonly string[] = Object.freeze(['/bin/bash', '/bin/sh']);
export const SHELLS_BUSYBOX: readonly string[] = Object.freeze(['/bin/sh']);
export const SHELLS_DISTROLESS: readonly string[] = Object.freeze([]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (ms: number): string => new Date(ms).toISOString();
const clf = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
};
const goLog = (ms: number): string => iso(ms).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Deterministic choice for line n of a profile. */
const nth = <T>(items: readonly T[], n: number, salt: string): T => items[hash32(`${salt}${n}`) % items.length]!;

const PATHS = ['/v1/users/42', '/v1/users/1337/profile', '/v1/sessions', '/healthz', '/v1/users?limit=50', '/metrics', '/v1/orders/9f2c'];
const AGENTS = ['kube-probe/1.33', 'Go-http-client/2.0', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', 'curl/8.9.1'];
const STATUSES = [200, 200, 200, 200, 201, 204, 304, 404, 200, 500];

export function nginxAccessLog(ratePerSecond: number, salt = 'nginx'): LogProfile {
  return {
    ratePerSecond,
    line: (n, now) => {
      const ip = `10.244.${hash32(`${salt}ip${n}`) % 4}.${1 + (hash32(`${salt}h${n}`) % 250)}`;
      const status = nth(STATUSES, n, salt);
      return `${ip} - - [${clf(now)}] "${nth(['GET', 'GET', 'POST', 'PUT'], n, `${salt}m`)} ${nth(PATHS, n, salt)} HTTP/1.1" ${status} ${100 + (hash32(`${salt}b${n}`) % 4000)} "-" "${nth(AGENTS, n, salt)}"`;
    },
  };
}

export function jsonAppLog(service: string, ratePerSecond: number): LogProfile {
  return {
    ratePerSecond,
    line: (n, now) => {
      const status = nth(STATUSES, n, service);
      const level = status >= 500 ? 'error' : 'info';
      const msg = status >= 500 ? 'request failed' : 'request served';
      const duration = 2 + (hash32(`${service}d${n}`) % 180);
      return JSON.stringify({
        level,
        ts: iso(now),
        service,
        msg,
        method: 'GET',
        path: nth(PATHS, n, service),
        status,
        duration_ms: duration,
        trace_id: hash32(`${service}t${n}`).toString(16).padStart(8, '0'),
      });
    },
  };
}

export function cloudSqlProxyLog(instance: string, ratePerSecond: number): LogProfile {
  return {
    ratePerSecond,
    line: (n, now) => {
      if (n === 0) return `${goLog(now)} Listening on 127.0.0.1:3306 for ${instance}`;
      if (n === 1) return `${goLog(now)} Ready for new connections`;
      return n % 2 === 0 ? `${goLog(now)} New connection for "${instance}"` : `${goLog(now)} Client closed local connection on 127.0.0.1:3306`;
    },
  };
}

const DD_CHECKS = ['cpu', 'memory', 'disk', 'network', 'io', 'uptime', 'load'];
export function datadogAgentLog(ratePerSecond: number): LogProfile {
  return {
    ratePerSecond,
    line: (n, now) => {
      const stamp = `${iso(now).slice(0, 19).replace('T', ' ')} UTC`;
      const check = nth(DD_CHECKS, n, 'dd');
      if (n % 7 === 6)
        return `${stamp} | CORE | INFO | (pkg/logs/launchers/file/launcher.go:379 in startNewTailer) | Starting a new tailer for: /var/log/monitor/user-msvc-error.log (offset: 0, whence: 0)`;
      return `${stamp} | CORE | INFO | (pkg/collector/worker/check_logger.go:71 in CheckFinished) | check:${check} | Done running check`;
    },
  };
}

export function envoyAccessLog(upstreamPort: number, ratePerSecond: number): LogProfile {
  return {
    ratePerSecond,
    line: (n, now) => {
      const status = nth(STATUSES, n, 'envoy');
      const id = hash32(`envoy${n}`).toString(16).padStart(8, '0');
      return `[${iso(now)}] "GET ${nth(PATHS, n, 'envoy')} HTTP/1.1" ${status} - via_upstream - "-" 0 ${120 + (n % 900)} ${1 + (n % 40)} ${n % 40} "-" "${nth(AGENTS, n, 'envoy')}" "${id}-5b1e-4c7d-9a55-${id}1234" "api.shop.svc" "127.0.0.1:${upstreamPort}" inbound|${upstreamPort}|| 127.0.0.6:${40000 + (n % 20000)} 10.244.1.23:${upstreamPort} 10.244.0.9:${50000 + (n % 9000)} - default`;
    },
  };
}

export function workerLog(component: string, ratePerSecond: number, messages: readonly string[]): LogProfile {
  return { ratePerSecond, line: (n, now) => `${iso(now)} INFO  [${component}] ${nth(messages, n, component)}` };
}

/** Lines that try to take over the viewer's terminal: a sanitizer must neutralize every one. */
export function hostileLog(ratePerSecond: number): LogProfile {
  const ESC = '\u001b';
  const BEL = '\u0007';
  const lines = [
    (t: string) => `${t} user login ok ${ESC}]0;you have been pwned${BEL}`,
    (t: string) => `${t} ${ESC}[2J${ESC}[H${ESC}[31mCLEARED YOUR SCREEN${ESC}[0m`,
    (t: string) => `${t} see ${ESC}]8;;https://evil.example/login${ESC}\\docs.example.com/help${ESC}]8;;${ESC}\\ for details`,
    (t: string) => `${t} progress 40%${ESC}[1A${ESC}[2K${ESC}[10;40Hfake prompt $ `,
    (t: string) => `${t} bell${BEL}${BEL} and a backspace attack: rm -rf /tmp/x\b\b\b\b\b\b\b\b\b\b\b\b\b\becho safe`,
    (t: string) => `${t} ${ESC}P+q544e${ESC}\\ device control string and ${ESC}[6n cursor report request`,
  ];
  return { ratePerSecond, line: (n, now) => lines[n % lines.length]!(iso(now)) };
}

export const SILENT: LogProfile = Object.freeze({ ratePerSecond: 0, line: () => '' });

/** Usage that breathes smoothly with time: base * (1 ± swing), deterministic per salt. */
export function waveUsage(cpuCores: number, memoryBytes: number, salt: string, swing = 0.25): ContainerRuntime['usage'] {
  const phase = (hash32(salt) % 628) / 100;
  return (now) => {
    const t = now / 1000;
    return {
      cpuCores: Math.max(0.0005, cpuCores * (1 + swing * Math.sin(t / 45 + phase))),
      memoryBytes: Math.round(memoryBytes * (1 + (swing / 3) * Math.sin(t / 300 + phase))),
    };
  };
}

/** Memory creeping between 92% and 99% of the limit: the container that keeps getting OOMKilled. */
export function nearLimitUsage(limitBytes: number, cpuCores: number): ContainerRuntime['usage'] {
  return (now) => {
    const t = now / 1000;
    return { cpuCores: cpuCores * (1 + 0.2 * Math.sin(t / 20)), memoryBytes: Math.round(limitBytes * (0.955 + 0.035 * Math.sin(t / 30))) };
  };
}

export const MiB = 1024 * 1024;

export function runtimeOf(shells: readonly string[], logs: LogProfile, usage: ContainerRuntime['usage'], previousLogs?: string[]): ContainerRuntime {
  return { shells: shells as string[], logs, usage, ...(previousLogs ? { previousLogs } : {}) };
}
