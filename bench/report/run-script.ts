/**
 * A bench script's entry: exit 0 when `main` is done (a pool or timer left open must not keep the
 * process up), 1 with the error printed when it fails.
 */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
