/**
 * Calls `gone` once this process's parent has ended (the process is then adopted, and its parent id changes). A
 * parent killed with SIGKILL tells its children nothing; this is how `npm start` notices `npm` is gone.
 */
export function onParentGone(gone: () => void, everyMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
}
