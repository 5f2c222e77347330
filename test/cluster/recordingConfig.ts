import type { KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig that notes every request made through it, in the order they are asked: its path, and its whole URL. */
export function recording(kubeConfig: KubeConfig): { kubeConfig: KubeConfig; asked: string[]; urls: URL[] } {
  const asked: string[] = [];
  const urls: URL[] = [];
  const view = Object.create(kubeConfig) as KubeConfig;
  view.applySecurityAuthentication = async (context) => {
    const url = new URL(context.getUrl());
    asked.push(url.pathname);
    urls.push(url);
    return kubeConfig.applySecurityAuthentication(context);
  };
  return { kubeConfig: view, asked, urls };
}

/** Lets `n` turns of the event loop pass, so what was started can ask (or show it did not). */
export const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};
