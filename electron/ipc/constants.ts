/** The single Electron IPC channel that carries every contract request. */
export const IPC_INVOKE = 'sourcebook:invoke';
