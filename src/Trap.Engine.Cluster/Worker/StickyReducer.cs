using System.Collections.Concurrent;
using System.Reflection;
using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster.Worker;

/// <summary>
/// Runs reduce rounds whose state stays in this worker's memory, keyed by (job, stage, key). A key
/// sent with a replay is rebuilt from scratch by running its earlier rounds again (their outputs
/// discarded; tasks are pure, so the state comes out identical); a key sent without one must be held
/// here at exactly the round asked, or the reply asks the driver for a replay. Plain code, so it is
/// tested without a cluster.
/// </summary>
public sealed class StickyReducer
{
    private static readonly MethodInfo StepMethod = typeof(StickyReducer).GetMethod(nameof(Step), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<string, Func<object?, string, string, JobContext, (object State, string Outputs)>> _steps = new();
    private readonly ConcurrentDictionary<(string Job, string Stage, string Key), Held> _held = new();

    /// <summary>States held for a job (all stages).</summary>
    public int HeldStates(string jobId) => _held.Keys.Count(k => k.Job == jobId);

    public StickyReduceReply Run(StickyReduceRequest request)
    {
        try
        {
            var outputs = new string[request.Keys.Count];
            for (var i = 0; i < outputs.Length; i++)
            {
                var work = request.Keys[i];
                var held = _held.GetOrAdd((request.JobId, request.Stage, work.KeyJson), _ => new Held());
                // A late duplicate call (its first attempt timed out) may be working on the same key.
                lock (held)
                {
                    if (work.Replay is not null)
                    {
                        held.State = null;
                        held.Rounds = 0;
                        foreach (var round in work.Replay)
                        {
                            Apply(held, round.Task, work.KeyJson, round.RecordsJson);
                        }
                    }
                    else if (held.State is null || held.Rounds != work.Round)
                    {
                        return new StickyReduceReply(Array.Empty<string>(), NeedsReplay: true, null);
                    }
                    outputs[i] = Apply(held, request.Task, work.KeyJson, work.RecordsJson);
                }
            }
            return new StickyReduceReply(outputs, NeedsReplay: false, null);
        }
        catch (Exception e)
        {
            return new StickyReduceReply(Array.Empty<string>(), NeedsReplay: false, TaskRunner.Describe(request.Task, e));
        }
    }

    /// <summary>Drops every state of a job (the driver is done with it).</summary>
    public void Forget(string jobId)
    {
        foreach (var key in _held.Keys.Where(k => k.Job == jobId))
        {
            _held.TryRemove(key, out _);
        }
    }

    private string Apply(Held held, TaskSignature task, string keyJson, string recordsJson)
    {
        var step = _steps.GetOrAdd(TaskRunner.CacheKey(task),
            _ => TaskRunner.Bind<Func<object?, string, string, JobContext, (object, string)>>(StepMethod, task, 4));
        var (state, outputs) = step(held.State, keyJson, recordsJson, WireJson.Read<JobContext>(task.ContextJson));
        held.State = state;
        held.Rounds++;
        return outputs;
    }

    private static (object State, string Outputs) Step<TTask, TKey, TRecord, TState, TOut>(
        object? held, string keyJson, string recordsJson, JobContext context)
        where TTask : IReduceTask<TKey, TRecord, TState, TOut>, new()
        where TKey : notnull
    {
        var task = new TTask();
        var key = WireJson.Read<TKey>(keyJson);
        var state = held is null ? task.CreateState(key, context) : (TState)held;
        // The task may change the state in place while it enumerates, so run it to the end.
        var outputs = task.Reduce(key, state, WireJson.Read<List<TRecord>>(recordsJson), context).ToList();
        return (state!, WireJson.Write(outputs));
    }

    private sealed class Held
    {
        public object? State { get; set; }

        public int Rounds { get; set; }
    }
}
