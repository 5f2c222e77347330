// The pinned top of the Pod view: who the Pod is, where it runs, and what owns it.
import type { PodHost } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import { statusTone } from '../list/PodListRow.tsx';
import { clean } from './format.ts';

export function ownersChain(host: PodHost): string {
  if (host.owners.length === 0) return 'no owner';
  return host.owners.map((o) => `${clean(o.kind)} ${clean(o.name)}${o.resolved ? '' : ' (?)'}`).join(' ← ');
}

export function headerLines(host: PodHost): Line[] {
  const status = clean(host.status);
  return [
    [
      seg(`${clean(host.namespace)}/`, 'dim'),
      seg(clean(host.name), 'header'),
      seg('  '),
      seg(status, statusTone(status)),
      seg(`  ready ${clean(host.ready)}  restarts ${host.restarts}`),
      seg(`  QoS ${host.resources.qos}`, 'accent'),
    ],
    [seg(`node ${clean(host.node) || '-'}  IP ${clean(host.podIP) || '-'}  `, 'dim'), seg(`owners: ${ownersChain(host)}`, 'dim')],
  ];
}
