// The command tests capture the process-wide console (CommandLine.Trap), so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
