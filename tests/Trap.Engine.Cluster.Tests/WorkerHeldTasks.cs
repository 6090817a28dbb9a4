namespace Trap.Engine.Cluster.Tests;

/// <summary>A reduce state JSON cannot rebuild (private fields only), as the running catalogue is.</summary>
public sealed class PrivateTally
{
    private readonly List<int> _times = new();
    private long _sum;

    public void Add(int time)
    {
        _times.Add(time);
        _sum += time;
    }

    public string Summary(int key) => $"{key}: n={_times.Count} sum={_sum} [{string.Join(",", _times)}]";
}

/// <summary>Reduce rounds on a private state: each round's outputs depend on every earlier round.</summary>
public sealed class PrivateHistory : IReduceTask<int, (int Key, int Time), PrivateTally, string>
{
    public PrivateTally CreateState(int key, JobContext context) => new();

    public IEnumerable<string> Reduce(int key, PrivateTally state, IReadOnlyList<(int Key, int Time)> records, JobContext context)
    {
        foreach (var record in records)
        {
            state.Add(record.Time);
            yield return state.Summary(key);
        }
    }
}

/// <summary>A final round over the same stage with another task: emits each key's state as a row.</summary>
public sealed class PrivateSummary : IReduceTask<int, int, PrivateTally, string>
{
    public PrivateTally CreateState(int key, JobContext context) => new();

    public IEnumerable<string> Reduce(int key, PrivateTally state, IReadOnlyList<int> records, JobContext context)
    {
        yield return "final " + state.Summary(key);
    }
}

/// <summary>Runs the same rounds of <see cref="PrivateHistory"/> and a final summary on any engine.</summary>
public static class WorkerHeldRounds
{
    public static readonly JobContext Context = new("worker-held", "", "inline");

    public static readonly IComparer<(int Key, int Time)> ByTime = Comparer<(int Key, int Time)>.Create((a, b) => a.Time.CompareTo(b.Time));

    /// <summary>Round <paramref name="round"/>'s records: 23 keys, not all of them in every round.</summary>
    public static (int Key, int Time)[] Records(int round) =>
        Enumerable.Range(round * 100, 100).Select(i => (Key: (i * 31) % (round == 1 ? 19 : 23), Time: (i * 7919) % 1000)).ToArray();

    public static Task<IReadOnlyList<string>> RoundAsync(IEngine engine, int round) =>
        engine.ReduceByKeyAsync<PrivateHistory, int, (int Key, int Time), PrivateTally, string>(Context, "tally", Records(round), r => r.Key, ByTime);

    public static Task<IReadOnlyList<string>> FinishAsync(IEngine engine) =>
        engine.ReduceByKeyAsync<PrivateSummary, int, int, PrivateTally, string>(Context, "tally", Enumerable.Range(0, 23).ToArray(), k => k, Comparer<int>.Default);
}
