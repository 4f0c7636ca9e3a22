import DTEKitCLI

// `dtekit`: every command is in DTEKitCLI; this is only the entry point.
await DTEKitCommand.runCommandLine()
