using Xunit;

namespace Trap.Engine.Contract;

/// <summary>
/// What every engine must do, whichever machine(s) it runs on. Each engine's test project derives
/// from this class and says how to make its engine; the expected values are worked out here, not
/// taken from another engine.
/// </summary>
public abstract class EngineContractTests
{
    protected static readonly JobContext Context = new("contract", "[job]\nname = contract\n", "inline");

    private static readonly IComparer<(int Key, int Time)> ByTime =
        Comparer<(int Key, int Time)>.Create((a, b) => a.Time.CompareTo(b.Time));

    private static readonly IComparer<(string Key, int Time, double Value)> ByTimeOnly =
        Comparer<(string Key, int Time, double Value)>.Create((a, b) => a.Time.CompareTo(b.Time));

    /// <summary>An engine running at most <paramref name="parallelism"/> tasks at once (per worker on a cluster).</summary>
    protected abstract Task<IEngine> CreateEngineAsync(int parallelism);

    [Fact]
    public async Task MapKeepsInputOrderUnderParallelism()
    {
        await using var engine = await CreateEngineAsync(4);
        var inputs = Enumerable.Range(0, 1000).ToArray();
        var outputs = await engine.MapAsync<Square, int, long>(Context, inputs);
        Assert.Equal(inputs.Select(i => (long)i * i), outputs);
    }

    [Fact]
    public async Task MapOfNothingIsNothing()
    {
        await using var engine = await CreateEngineAsync(2);
        Assert.Empty(await engine.MapAsync<Square, int, long>(Context, Array.Empty<int>()));
    }

    [Fact]
    public async Task MapCarriesFlatRecordsExactly()
    {
        await using var engine = await CreateEngineAsync(3);
        var inputs = Enumerable.Range(0, 200).ToArray();
        var outputs = await engine.MapAsync<Measure, int, Measurement>(Context, inputs);
        Assert.Equal(inputs.Length, outputs.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            var expected = new Measure().Run(inputs[i], Context);
            // Bit-for-bit doubles (NaN, -0.0 and infinities included), UTC kind kept.
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Flux), BitConverter.DoubleToInt64Bits(outputs[i].Flux));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Error), BitConverter.DoubleToInt64Bits(outputs[i].Error));
            Assert.Equal(DateTimeKind.Utc, outputs[i].TimeUtc.Kind);
            Assert.Equal(expected with { Flux = 0, Error = 0 }, outputs[i] with { Flux = 0, Error = 0 });
        }
    }

    [Fact]
    public async Task ReduceSortsEachKeyAndKeepsStateAcrossRounds()
    {
        await using var engine = await CreateEngineAsync(3);
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

    [Fact]
    public async Task ReduceStagesKeepSeparateStatesAndKeysMayComeAndGo()
    {
        await using var engine = await CreateEngineAsync(2);
        await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(
            Context, "a", new[] { (1, 1), (2, 2) }, r => r.Key, ByTime);
        var other = await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(
            Context, "b", new[] { (1, 10) }, r => r.Key, ByTime);
        var later = await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(
            Context, "a", new[] { (3, 3), (1, 4) }, r => r.Key, ByTime);
        Assert.Equal(new[] { "1:10" }, other);
        Assert.Equal(new[] { "1:1,4", "3:3" }, later);
        var states = await engine.CollectStatesAsync<int, List<int>>("a");
        Assert.Equal(new[] { 1, 2, 3 }, states.Select(s => s.Key));
        Assert.Equal(new[] { 2, 1, 1 }, states.Select(s => s.State.Count));
    }

    [Fact]
    public async Task ManyKeysReduceInKeyOrderWithRunningState()
    {
        await using var engine = await CreateEngineAsync(4);
        var random = new Random(7);
        // 300 keys, 2000 records in random order; the running mean of each key depends on time order.
        var records = Enumerable.Range(0, 2000)
            .Select(i => (Key: $"k{random.Next(300):D3}", Time: i, Value: random.NextDouble()))
            .OrderBy(_ => random.Next())
            .ToArray();
        var firstHalf = records.Where(r => r.Time < 1000).ToArray();
        var secondHalf = records.Where(r => r.Time >= 1000).ToArray();
        var outputs = (await engine.ReduceByKeyAsync<Averager, string, (string Key, int Time, double Value), RunningMean, (string Key, int Time, double Mean)>(
                Context, "mean", firstHalf, r => r.Key, ByTimeOnly))
            .Concat(await engine.ReduceByKeyAsync<Averager, string, (string Key, int Time, double Value), RunningMean, (string Key, int Time, double Mean)>(
                Context, "mean", secondHalf, r => r.Key, ByTimeOnly))
            .ToList();

        foreach (var round in new[] { firstHalf, secondHalf })
        {
            var keys = round.Select(r => r.Key).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
            var produced = outputs.Take(round.Length).ToList();
            outputs.RemoveRange(0, round.Length);
            Assert.Equal(keys, produced.Select(o => o.Key).Distinct());
            Assert.All(produced.GroupBy(o => o.Key), g => Assert.Equal(g.Select(o => o.Time).Order(), g.Select(o => o.Time)));
        }
        var states = await engine.CollectStatesAsync<string, RunningMean>("mean");
        foreach (var (key, state) in states)
        {
            var values = records.Where(r => r.Key == key).OrderBy(r => r.Time).Select(r => r.Value).ToList();
            Assert.Equal(values.Count, state.Count);
            Assert.Equal(values.Average(), state.Mean, 12);
        }
    }

    [Fact]
    public async Task AFailingTaskFailsTheJobWithItsMessage()
    {
        await using var engine = await CreateEngineAsync(2);
        var error = await Record.ExceptionAsync(() => engine.MapAsync<FailsOnThirteen, int, int>(Context, Enumerable.Range(0, 20).ToArray()));
        Assert.NotNull(error);
        Assert.Contains("thirteen is not allowed", error.ToString());
    }
}
