using Trap.Engine.Cluster.Wire;
using Trap.Engine.Contract;

namespace Trap.Engine.Cluster.Tests;

/// <summary>What may cross the wire, and what the engine factory makes of a master.</summary>
public class WireTests
{
    public sealed class HiddenState
    {
        private readonly List<int> _items = new();

        public int Count => _items.Count;
    }

    public sealed class GetOnly
    {
        public int Total { get; } = 3;
    }

    public sealed record Holder(int Id, HiddenState Inner);

    [Fact]
    public void FlatRecordsAndStatesMayCross()
    {
        foreach (var type in new[] { typeof(Measurement), typeof(List<int>), typeof((int Key, int Time)), typeof(long[]), typeof(string) })
        {
            WireContract.Require(type, "test");
        }
    }

    [Theory]
    [InlineData(typeof(HiddenState), "private field HiddenState._items")]
    [InlineData(typeof(GetOnly), "GetOnly.Total cannot be set")]
    [InlineData(typeof(Holder), "Holder.Inner: its private field HiddenState._items")]
    public void TypesThatWouldLoseDataAreRefusedByName(Type type, string expected)
    {
        var error = Assert.Throws<ClusterException>(() => WireContract.Require(type, "reduce state"));
        Assert.Contains(expected, error.Message);
        Assert.Contains("reduce state type", error.Message);
    }

    [Fact]
    public void SpecialDoublesAndUtcTimesRoundTripExactly()
    {
        var values = new[] { double.NaN, double.NegativeInfinity, -0.0, double.Epsilon, 0.1 + 0.2, double.MaxValue };
        var back = WireJson.Read<double[]>(WireJson.Write(values));
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
        var time = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc).AddTicks(1);
        Assert.Equal((time, DateTimeKind.Utc), WireJson.Read<DateTime>(WireJson.Write(time)) is var t ? (t, t.Kind) : default);
    }

    [Theory]
    [InlineData("local", 1)]
    [InlineData("local[3]", 3)]
    [InlineData("local[*]", 0)]
    public void LocalMastersMakeTheLocalEngine(string master, int cores)
    {
        var engine = Assert.IsType<LocalEngine>(EngineFactory.Create(master, new EngineOptions()));
        Assert.Equal(cores == 0 ? Environment.ProcessorCount : cores, engine.Parallelism);
    }

    [Fact]
    public void ClusterMasterReadsItsSettingsFromConf()
    {
        var options = EngineFactory.ClusterOptions("survey-a", new EngineOptions
        {
            ExecutorCores = 5,
            Conf = new Dictionary<string, string> { ["trap.db"] = "Host=db;Database=trap", ["trap.task.maxAttempts"] = "7", ["trap.task.timeoutSeconds"] = "90" },
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Debug,
        });
        Assert.Equal(("survey-a", "Host=db;Database=trap", 5, 7, TimeSpan.FromSeconds(90), Microsoft.Extensions.Logging.LogLevel.Debug),
            (options.ClusterId, options.Database.ConnectionString, options.Scheduler.ExecutorCores, options.Scheduler.MaxAttempts, options.TaskTimeout, options.LogLevel));
        // Orleans' warnings (stack traces when a worker leaves) stay off the console unless asked for.
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, EngineFactory.ClusterOptions("c", new EngineOptions { Conf = new Dictionary<string, string> { ["trap.db"] = "Host=db" } }).LogLevel);
        Assert.IsType<ClusterEngine>(EngineFactory.Create("trap://survey-a", new EngineOptions { Conf = new Dictionary<string, string> { ["trap.db"] = "Host=db" } }));
    }

    [Fact]
    public void TheClusterDatabaseMayBeAPostgresqlUrlAsEverywhereElse()
    {
        var options = EngineFactory.ClusterOptions("survey-a", new EngineOptions
        {
            Conf = new Dictionary<string, string> { ["trap.db"] = "postgresql://trap:s3cret@db.example.org:6543/membership" },
        });
        Assert.Equal(("db.example.org", 6543, "membership"), (options.Database.Host, options.Database.Port, options.Database.Database));
        Assert.Contains("Username=trap", options.Database.ConnectionString);
        Assert.DoesNotContain("s3cret", options.Database.ToString());
    }

    [Theory]
    [InlineData("yarn", "not understood")]
    [InlineData("local[0]", "not understood")]
    [InlineData("trap://", "not understood")]
    public void BadMastersAreRefusedWithTheForms(string master, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => EngineFactory.Create(master, new EngineOptions()));
        Assert.Contains(expected, error.Message);
        Assert.Contains("trap://CLUSTER_ID", error.Message);
    }
}
