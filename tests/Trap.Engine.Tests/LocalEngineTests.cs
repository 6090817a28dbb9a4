using Trap.Engine;

namespace Trap.Engine.Tests;

public class LocalEngineTests
{
    private static readonly JobContext Context = new("test", "", "inline");

    public sealed class Square : IMapTask<int, long>
    {
        public long Run(int input, JobContext context) => (long)input * input;
    }

    /// <summary>Appends each key's times to a list kept as the key's state.</summary>
    public sealed class History : IReduceTask<int, (int Key, int Time), List<int>, string>
    {
        public List<int> CreateState(int key, JobContext context) => new();

        public IEnumerable<string> Reduce(int key, List<int> state, IReadOnlyList<(int Key, int Time)> records, JobContext context)
        {
            state.AddRange(records.Select(r => r.Time));
            yield return $"{key}:{string.Join(",", state)}";
        }
    }

    private static readonly IComparer<(int Key, int Time)> ByTime =
        Comparer<(int Key, int Time)>.Create((a, b) => a.Time.CompareTo(b.Time));

    [Fact]
    public async Task MapKeepsInputOrderUnderParallelism()
    {
        await using var engine = new LocalEngine(4);
        var inputs = Enumerable.Range(0, 1000).ToArray();
        var outputs = await engine.MapAsync<Square, int, long>(Context, inputs);
        Assert.Equal(inputs.Select(i => (long)i * i), outputs);
    }

    [Fact]
    public async Task ReduceSortsEachKeyAndKeepsStateAcrossRounds()
    {
        await using var engine = new LocalEngine(3);
        var first = new (int Key, int Time)[] { (2, 5), (1, 3), (2, 1), (1, 2) };
        var second = new (int Key, int Time)[] { (1, 9), (2, 7) };
        var out1 = await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(
            Context, "lc", first, r => r.Key, ByTime);
        var out2 = await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(
            Context, "lc", second, r => r.Key, ByTime);
        Assert.Equal(new[] { "1:2,3", "2:1,5" }, out1);
        Assert.Equal(new[] { "1:2,3,9", "2:1,5,7" }, out2);
        var states = await engine.CollectStatesAsync<int, List<int>>("lc");
        Assert.Equal(new[] { 1, 2 }, states.Select(s => s.Key));
        Assert.Equal(new[] { 3, 3 }, states.Select(s => s.State.Count));
    }
}
