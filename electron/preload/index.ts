// The preload: exposes the contract's one entry point, nothing more. Runs sandboxed
// (no Node), so it only checks the channel name and forwards; the main process
// validates the payload against the contract before anything touches the store.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type Bridge } from '../ipc/contract';
import { IPC_INVOKE } from '../ipc/constants';

const bridge: Bridge = {
  invoke(channel, payload) {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: `Unknown request ${String(channel)}.` });
    return ipcRenderer.invoke(IPC_INVOKE, channel, payload);
  },
};

contextBridge.exposeInMainWorld('sourcebook', bridge);
