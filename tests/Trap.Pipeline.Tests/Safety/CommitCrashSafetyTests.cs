using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// The commit survives being killed between any two of its steps: the next run of the output finds
/// either the previous output or the new one, whole, never none. A kill is simulated by releasing the
/// lock (as the OS does when a process dies) without the clean-up a failing run does.
/// </summary>
public sealed class CommitCrashSafetyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("trap-commit-").FullName;

    private string Target => Path.Combine(_root, "output");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Commits "previous", then starts a run writing "new" that is killed after <paramref name="steps"/> commit steps.</summary>
    private void KillDuringCommit(int steps)
    {
        TinyDataset.Commit(Target, "previous");
        using var killed = DatasetFolder.Open(Target);
        TinyDataset.Write(killed, "new");
        var commit = new Action[] { killed.SyncStaging, killed.RetireTarget, killed.PublishStaging, killed.RemoveRetired };
        foreach (var step in commit.Take(steps)) step();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void KilledBeforeRetiringThePreviousOutputLeavesItInPlace(int steps)
    {
        KillDuringCommit(steps);

        Assert.Equal("previous", TinyDataset.Read(Target));
        using (DatasetFolder.Open(Target)) Assert.Equal("previous", TinyDataset.Read(Target));
    }

    [Fact]
    public void KilledBetweenTheRenamesTheNextRunPutsThePreviousOutputBack()
    {
        KillDuringCommit(2);
        Assert.False(Directory.Exists(Target), "the window the protocol must cover: no output, only X.old");

        using (var next = DatasetFolder.Open(Target))
        {
            Assert.Equal("previous", TinyDataset.Read(Target));
            Assert.False(Directory.Exists(next.Retired));
        }
    }

    [Fact]
    public void KilledAfterPublishingKeepsTheNewOutputAndTheNextRunClearsTheOld()
    {
        KillDuringCommit(3);

        Assert.Equal("new", TinyDataset.Read(Target));
        using (var next = DatasetFolder.Open(Target)) Assert.False(Directory.Exists(next.Retired));
        Assert.Equal("new", TinyDataset.Read(Target));
    }

    [Fact]
    public void AFailureInsideTheCommitPutsThePreviousOutputBackAtOnce()
    {
        TinyDataset.Commit(Target, "previous");
        using var failing = DatasetFolder.Open(Target);
        TinyDataset.Write(failing, "new");
        failing.SyncStaging();
        failing.RetireTarget();

        failing.Abandon();

        Assert.Equal("previous", TinyDataset.Read(Target));
        Assert.False(Directory.Exists(failing.Staging));
        Assert.False(Directory.Exists(failing.Retired));
    }
}
