// The window's background before its page paints, by theme: the main process opens the
// window in it so a dark theme never flashes white (renderer/src/styles/base.css's --bg).
export const WINDOW_BACKGROUND = { light: '#f3f1ec', dark: '#141619' } as const;
