/**
 * MessageEndpoint over Node's child_process IPC channel (serialization 'advanced', the same
 * structured clone Electron's ports use), for both ends: the forked child and its parent.
 */
import type { ChildProcess } from 'node:child_process';
import type { CoreSideEndpoint, HostSideEndpoint } from './protocol';

/** In the forked core: talks to the parent over process.send. */
export function parentProcessEndpoint(): CoreSideEndpoint {
  if (!process.send) throw new Error('core process: started without an IPC channel (use child_process.fork)');
  return {
    // After the host has gone, process.send would emit ERR_IPC_CHANNEL_CLOSED as an 'error'
    // on the next tick (nobody listens: exit 1 mid-dispose); the callback takes that error.
    post: (message) => {
      if (process.connected) process.send!(message, undefined, undefined, () => undefined);
    },
    onMessage: (listener) => void process.on('message', listener),
    onGone: (listener) => void process.once('disconnect', () => listener({ code: null, signal: null })),
  };
}

/** In the host: talks to a forked core. */
export function childProcessEndpoint(child: ChildProcess): HostSideEndpoint {
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => void child.on('message', listener),
    onGone: (listener) => {
      let reported = false;
      const report = (code: number | null, signal: string | null) => {
        if (reported) return;
        reported = true;
        listener({ code, signal });
      };
      child.once('exit', report);
      // A fork that could not start emits 'error' and maybe never 'exit'.
      child.once('error', () => report(child.exitCode, child.signalCode));
    },
  };
}
