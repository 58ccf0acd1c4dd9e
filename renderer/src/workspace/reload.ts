// Starting the page again on the workspace the server has open now (after a switch from
// this page, or from another tab): what the page remembers about the old one is forgotten.

/** Reloads the page; the remembered views (open source and brief, the right-hand pane) belonged to the old workspace. */
export function reloadOnOtherWorkspace(): void {
  for (const key of ['sourcebook.view', 'sourcebook.side']) {
    try {
      localStorage.removeItem(key);
    } catch {
      // storage disabled: nothing remembered
    }
  }
  window.location.reload();
}
