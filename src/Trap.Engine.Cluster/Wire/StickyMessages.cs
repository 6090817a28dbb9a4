namespace Trap.Engine.Cluster.Wire;

// Reduce rounds whose state cannot cross the wire: the state stays on the worker that holds the key,
// and the driver keeps each key's lineage (every earlier round's task and records) to rebuild it.

/// <summary>One earlier round of a key: the task that ran it and the key's sorted records (JSON).</summary>
[GenerateSerializer, Immutable]
public sealed record ReplayRound(
    [property: Id(0)] TaskSignature Task,
    [property: Id(1)] string RecordsJson);

/// <summary>
/// One key's work. <see cref="Round"/> counts the key's earlier rounds: the worker's state must have
/// seen exactly that many. A non-null <see cref="Replay"/> (those earlier rounds, possibly none) tells
/// the worker to rebuild the state from scratch first, whatever it holds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StickyKeyWork(
    [property: Id(0)] string KeyJson,
    [property: Id(1)] int Round,
    [property: Id(2)] IReadOnlyList<ReplayRound>? Replay,
    [property: Id(3)] string RecordsJson);

/// <summary>A batch of keys of one reduce stage whose states live on the worker, named by job and stage.</summary>
[GenerateSerializer, Immutable]
public sealed record StickyReduceRequest(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Stage,
    [property: Id(2)] TaskSignature Task,
    [property: Id(3)] IReadOnlyList<StickyKeyWork> Keys);

/// <summary>
/// The outputs of every key (a JSON array each, in request order); or <see cref="NeedsReplay"/> when
/// the worker's state of some key is missing or not at the round asked (send the batch again with
/// replays); or the error the task raised.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StickyReduceReply(
    [property: Id(0)] IReadOnlyList<string> OutputsJson,
    [property: Id(1)] bool NeedsReplay,
    [property: Id(2)] string? Error);
