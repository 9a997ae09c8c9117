/**
 * A forked child that plays the core at the moment its host goes away: once the IPC channel
 * closes it posts one more message (a progress event in flight, say) through the core's
 * endpoint, then exits 0 on the next turn of the loop. Exit 1 means the post crashed it.
 */
import { parentProcessEndpoint } from '../../main/core/process/node-endpoint';

const endpoint = parentProcessEndpoint();
process.once('disconnect', () => {
  endpoint.post({ event: 'scanProgress', payload: null } as never);
  setImmediate(() => process.exit(0));
});
endpoint.post({ ready: { pid: process.pid } });
