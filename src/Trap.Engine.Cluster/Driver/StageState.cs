using System.Diagnostics;

namespace Trap.Engine.Cluster.Driver;

/// <summary>The bookkeeping of one running stage: pending tasks, calls in flight, results, attempts.</summary>
internal sealed class StageState<TResult>
{
    private readonly LinkedList<int> _pending = new();
    private readonly bool[] _queued;
    private readonly bool[] _done;
    private readonly int[] _attempts;
    private readonly Dictionary<string, int> _load = new();
    private readonly Dictionary<string, long> _quarantinedUntil = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public StageState(int taskCount)
    {
        Results = new TResult[taskCount];
        _queued = new bool[taskCount];
        _done = new bool[taskCount];
        _attempts = new int[taskCount];
        Remaining = taskCount;
        for (var i = 0; i < taskCount; i++)
        {
            _pending.AddLast(i);
            _queued[i] = true;
        }
    }

    public TResult[] Results { get; }

    public int Remaining { get; private set; }

    public int Retries { get; private set; }

    public Dictionary<Task, (int Index, string Worker)> InFlight { get; } = new();

    public int Load(string worker) => _load.GetValueOrDefault(worker);

    public bool IsQuarantined(string worker) =>
        _quarantinedUntil.TryGetValue(worker, out var until) && Stopwatch.GetTimestamp() < until;

    public void Quarantine(string worker, TimeSpan span) =>
        _quarantinedUntil[worker] = Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);

    public bool TryNextPending(out int index)
    {
        while (_pending.First is { } first)
        {
            _pending.RemoveFirst();
            _queued[first.Value] = false;
            if (!_done[first.Value])
            {
                index = first.Value;
                return true;
            }
        }
        index = -1;
        return false;
    }

    public void PutBack(int index)
    {
        _pending.AddFirst(index);
        _queued[index] = true;
    }

    public void Start(int index, string worker, Task task)
    {
        _attempts[index]++;
        _load[worker] = Load(worker) + 1;
        InFlight.Add(task, (index, worker));
    }

    public void Finish(Task task)
    {
        var (_, worker) = InFlight[task];
        InFlight.Remove(task);
        _load[worker] = Load(worker) - 1;
    }

    /// <summary>Keeps the first result of a task; false when a duplicate answered after it.</summary>
    public bool Complete(int index, TResult result)
    {
        if (_done[index])
        {
            return false;
        }
        _done[index] = true;
        Results[index] = result;
        Remaining--;
        return true;
    }

    /// <summary>Queues a task again after its call failed, unless it is done, queued, or out of attempts.</summary>
    public void Retry(int index, int maxAttempts, string stage, string why)
    {
        if (_done[index] || _queued[index] || InFlight.Values.Any(v => v.Index == index))
        {
            return;
        }
        if (_attempts[index] >= maxAttempts)
        {
            throw new ClusterException(
                $"stage {stage}, task {index}: failed {maxAttempts} times on workers that died or did not answer (last: {why}); " +
                "check the workers' logs and the network between the driver and the workers");
        }
        Retries++;
        _pending.AddLast(index);
        _queued[index] = true;
    }

    /// <summary>
    /// When a worker this stage has seen is no longer live, every call in flight is abandoned and its
    /// task queued again: the calls to the lost worker will never answer, and calls to live workers
    /// may have been routed through the lost worker's gateway, where they would wait for the task
    /// timeout. Tasks are pure, so a call that still answers later does no harm (it is not waited for;
    /// the duplicate gives the same result). Returns how many tasks were queued again.
    /// </summary>
    public int RequeueAfterLostWorkers(IReadOnlyList<string> live, int maxAttempts, string stage)
    {
        var liveSet = live.ToHashSet(StringComparer.Ordinal);
        var lost = _seen.Where(w => !liveSet.Contains(w)).ToList();
        _seen.UnionWith(liveSet);
        if (lost.Count == 0) return 0;
        _seen.ExceptWith(lost);
        var requeued = 0;
        foreach (var (task, (index, worker)) in InFlight.ToList())
        {
            Finish(task);
            _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            if (_done[index] || _queued[index]) continue;
            if (_attempts[index] >= maxAttempts)
            {
                throw new ClusterException(
                    $"stage {stage}, task {index}: its worker or gateway was lost on each of {maxAttempts} attempts " +
                    $"(last: {worker}, lost: {string.Join(", ", lost)}); check the workers' logs");
            }
            Retries++;
            requeued++;
            _pending.AddLast(index);
            _queued[index] = true;
        }
        return requeued;
    }

    /// <summary>Workers seen live during this stage (a worker that leaves this set was lost).</summary>
    public void SawWorkers(IReadOnlyList<string> live) => _seen.UnionWith(live);
}
