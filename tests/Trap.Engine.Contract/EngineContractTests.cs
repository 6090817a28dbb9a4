using System.Collections.Concurrent;
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
    public async Task MapReportsProgressUpToTheTotal()
    {
        await using var engine = await CreateEngineAsync(3);
        var reports = new ConcurrentQueue<int>();
        var inputs = Enumerable.Range(0, 300).ToArray();
        await engine.MapAsync<Square, int, long>(Context, inputs, progress: new Recorder(reports));
        Assert.NotEmpty(reports);
        Assert.Equal(inputs.Length, reports.Max());
        Assert.All(reports, done => Assert.InRange(done, 1, inputs.Length));
    }

    [Fact]
    public async Task AFailingTaskFailsTheJobWithItsMessage()
    {
        await using var engine = await CreateEngineAsync(2);
        var error = await Record.ExceptionAsync(() => engine.MapAsync<FailsOnThirteen, int, int>(Context, Enumerable.Range(0, 20).ToArray()));
        Assert.NotNull(error);
        Assert.Contains("thirteen is not allowed", error.ToString());
    }

    /// <summary>Hears progress on the engine's threads, without a synchronisation context in between.</summary>
    private sealed class Recorder(ConcurrentQueue<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Enqueue(value);
    }
}
