// pods/attach of the simulated API server: the same checks and channel protocol as exec, then
// the container's main process's output as it writes it (the lines its logs show, from the
// moment of attaching) until the process ends with a restart. The simulated process never reads
// its stdin, so bytes sent there are accepted and go nowhere, as with a real one that does not read.
import { Writable } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { PodUpgradeHandler } from '../world.ts';
import { hubFor } from '../logs/hub.ts';
import { ERROR, frame, pickProtocol, successStatus } from './protocol.ts';
import { stoppedStatus } from './target.ts';
import { checkStreamRequest, isRefusal } from './streamRequest.ts';
import { rejectUpgrade } from './upgrade.ts';

const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => pickProtocol(offered) ?? false, perMessageDeflate: false });

export const handlePodAttach: PodUpgradeHandler = (world, req, socket, head, route) => {
  const { namespace, name } = route;
  const checked = checkStreamRequest(world, req, route, 'attach');
  if (isRefusal(checked)) return rejectUpgrade(socket, checked);
  const { container, streams, state } = checked;
  wss.handleUpgrade(req, socket, head, (ws) => {
    const end = (status: object): void => {
      if (ws.readyState === ws.OPEN) ws.send(frame(ERROR, JSON.stringify(status)), () => ws.close(1000));
    };
    if (state === 'stopped') return end(stoppedStatus());
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (streams.stdout && ws.readyState === ws.OPEN) ws.send(frame(1, chunk));
        done();
      },
    });
    // The instance's followers are ended when the container restarts: its process is gone.
    stdout.on('finish', () => end(successStatus()));
    const hub = hubFor(world);
    const stop = hub.follow(namespace, name, container, hub.logs(namespace, name, container).current, { res: stdout, timestamps: false, remaining: Infinity });
    ws.on('close', stop);
    ws.on('error', stop);
  });
};
