/** Runs once when the Next server starts: open the database and start in-process grading workers. */
export async function register() {
  // Only the Node.js server runtime; NEXT_RUNTIME is set (and inlined) by Next itself.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerRuntime } = await import('./server/runtime');
    await startServerRuntime();
  }
}
