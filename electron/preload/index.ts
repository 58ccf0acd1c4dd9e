// The preload: exposes the contract's one entry point, nothing more. It runs sandboxed,
// where only 'electron' can be required, so it imports nothing else at run time: the
// main process checks the channel and parses the payload against the contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../ipc/contract';
import { IPC_INVOKE } from '../ipc/constants';

const bridge: Bridge = {
  invoke(channel, payload) {
    if (typeof channel !== 'string') return Promise.resolve({ ok: false, error: 'A request needs a channel name.' });
    return ipcRenderer.invoke(IPC_INVOKE, channel, payload);
  },
};

contextBridge.exposeInMainWorld('sourcebook', bridge);
