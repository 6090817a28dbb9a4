namespace Trap.Pipeline;

/// <summary>What a run did, for the command line and tests.</summary>
public sealed record RunSummary(
    string OutputFolder,
    int Images,
    int Rejected,
    long Sources,
    long CatalogueSources,
    long NewSources,
    TimeSpan Elapsed);
