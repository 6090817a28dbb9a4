using Trap.Alerts;

namespace Trap.Pipeline;

/// <summary>What a run did, for the command line and tests; <see cref="Alerts"/> is null when no broker is configured.</summary>
public sealed record RunSummary(
    string OutputFolder,
    int Images,
    int Rejected,
    long Sources,
    long CatalogueSources,
    long NewSources,
    int Candidates,
    VoEventSendReport? Alerts,
    TimeSpan Elapsed);
