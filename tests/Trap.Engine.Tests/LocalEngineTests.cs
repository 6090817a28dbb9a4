using Trap.Engine;

namespace Trap.Engine.Tests;

public class LocalEngineTests
{
    [Fact]
    public async Task MapKeepsInputOrderUnderParallelism()
    {
        var engine = new LocalEngine(4);
        var inputs = Enumerable.Range(0, 1000).ToArray();
        var outputs = await engine.MapAsync("square", inputs, i => (long)i * i);
        Assert.Equal(inputs.Select(i => (long)i * i), outputs);
    }

    [Fact]
    public async Task ReduceSortsEachKeyAndKeepsStateAcrossCalls()
    {
        var engine = new LocalEngine(3);
        var order = Comparer<(int Key, int Time)>.Create((a, b) => a.Time.CompareTo(b.Time));
        var first = new (int Key, int Time)[] { (2, 5), (1, 3), (2, 1), (1, 2) };
        var second = new (int Key, int Time)[] { (1, 9), (2, 7) };

        IEnumerable<string> Reduce(int key, List<int> seen, IReadOnlyList<(int Key, int Time)> records)
        {
            seen.AddRange(records.Select(r => r.Time));
            yield return $"{key}:{string.Join(",", seen)}";
        }

        var out1 = await engine.ReduceByKeyAsync("lc", first, r => r.Key, order, _ => new List<int>(), Reduce);
        var out2 = await engine.ReduceByKeyAsync("lc", second, r => r.Key, order, _ => new List<int>(), Reduce);
        Assert.Equal(new[] { "1:2,3", "2:1,5" }, out1);
        Assert.Equal(new[] { "1:2,3,9", "2:1,5,7" }, out2);
        var collected = engine.CollectStates<int, List<int>, int>("lc", (_, state) => new[] { state.Count }).ToList();
        Assert.Equal(new[] { 3, 3 }, collected);
    }
}
