import type { KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig that notes the path of every request made through it, in the order they are asked. */
export function recording(kubeConfig: KubeConfig): { kubeConfig: KubeConfig; asked: string[] } {
  const asked: string[] = [];
  const view = Object.create(kubeConfig) as KubeConfig;
  view.applySecurityAuthentication = async (context) => {
    asked.push(new URL(context.getUrl()).pathname);
    return kubeConfig.applySecurityAuthentication(context);
  };
  return { kubeConfig: view, asked };
}

/** Lets `n` turns of the event loop pass, so what was started can ask (or show it did not). */
export const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};
