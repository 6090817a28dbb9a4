using Trap.Engine.Cluster.Wire;
using Trap.Engine.Cluster.Worker;

namespace Trap.Engine.Cluster.Tests;

/// <summary>The worker side of worker-held state, without a cluster.</summary>
public class StickyReducerTests
{
    private static readonly TaskSignature History = new(
        typeof(PrivateHistory).AssemblyQualifiedName!,
        new[] { typeof(int), typeof((int Key, int Time)), typeof(PrivateTally), typeof(string) }.Select(t => t.AssemblyQualifiedName!).ToArray(),
        WireJson.Write(WorkerHeldRounds.Context));

    private static StickyKeyWork Work(int round, IReadOnlyList<ReplayRound>? replay, params int[] times) =>
        new("7", round, replay, WireJson.Write(times.Select(t => (Key: 7, Time: t)).ToList()));

    private static StickyReduceRequest Request(string job, params StickyKeyWork[] keys) => new(job, "tally", History, keys);

    [Fact]
    public void AHeldKeyTakesTheNextRoundAndAMissingOrStaleOneAsksForReplay()
    {
        var reducer = new StickyReducer();
        Assert.True(reducer.Run(Request("j", Work(0, null, 5))).NeedsReplay);
        var first = reducer.Run(Request("j", Work(0, Array.Empty<ReplayRound>(), 5)));
        Assert.False(first.NeedsReplay);
        Assert.Null(first.Error);
        Assert.Equal(new[] { "7: n=1 sum=5 [5]" }, WireJson.Read<List<string>>(first.OutputsJson[0]));
        var second = reducer.Run(Request("j", Work(1, null, 2)));
        Assert.Equal(new[] { "7: n=2 sum=7 [5,2]" }, WireJson.Read<List<string>>(second.OutputsJson[0]));
        // A call made for round 1 again (a late duplicate) finds the state at round 2.
        Assert.True(reducer.Run(Request("j", Work(1, null, 2))).NeedsReplay);
        Assert.True(reducer.Run(Request("other job", Work(2, null, 4))).NeedsReplay);
    }

    [Fact]
    public void AReplayRebuildsTheStateFromScratchWhateverTheWorkerHeld()
    {
        var reducer = new StickyReducer();
        reducer.Run(Request("j", Work(0, Array.Empty<ReplayRound>(), 100)));
        var lineage = new[] { new ReplayRound(History, Work(0, null, 5).RecordsJson), new ReplayRound(History, Work(0, null, 2, 3).RecordsJson) };
        var reply = reducer.Run(Request("j", Work(2, lineage, 1)));
        Assert.Equal(new[] { "7: n=4 sum=11 [5,2,3,1]" }, WireJson.Read<List<string>>(reply.OutputsJson[0]));
        Assert.Equal(1, reducer.HeldStates("j"));
        reducer.Forget("j");
        Assert.Equal(0, reducer.HeldStates("j"));
    }

    [Fact]
    public void ATaskThatThrowsComesBackAsTheReplysError()
    {
        var reducer = new StickyReducer();
        var broken = Request("j", new StickyKeyWork("7", 0, Array.Empty<ReplayRound>(), "not json"));
        var reply = reducer.Run(broken);
        Assert.False(reply.NeedsReplay);
        Assert.Contains("PrivateHistory failed", reply.Error);
    }
}
