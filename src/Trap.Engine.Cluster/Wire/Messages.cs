namespace Trap.Engine.Cluster.Wire;

// What the driver sends a worker and gets back. Task inputs and outputs are JSON text (WireJson):
// small descriptors (ids and paths), the records themselves stay in the job's working folder; types
// are assembly-qualified names the worker resolves in its own process.

/// <summary>The task and types every request names, and the job context as JSON.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskSignature(
    [property: Id(0)] string TaskType,
    [property: Id(1)] IReadOnlyList<string> TypeArguments,
    [property: Id(2)] string ContextJson);

/// <summary>A batch of map inputs: one JSON record per input.</summary>
[GenerateSerializer, Immutable]
public sealed record MapRequest(
    [property: Id(0)] TaskSignature Task,
    [property: Id(1)] IReadOnlyList<string> Inputs);

/// <summary>One JSON output per input, in input order; or the error the task raised.</summary>
[GenerateSerializer, Immutable]
public sealed record MapReply(
    [property: Id(0)] IReadOnlyList<string> Outputs,
    [property: Id(1)] string? Error);

/// <summary>What a worker says about itself.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkerDescription(
    [property: Id(0)] string Host,
    [property: Id(1)] int ProcessId,
    [property: Id(2)] int Cores);
