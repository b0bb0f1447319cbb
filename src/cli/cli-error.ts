/** An error the command reports to the user in Chinese and English, with the exit code to use. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(en);
  }
}
