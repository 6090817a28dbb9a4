using System.Diagnostics;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// What Trap promises about where it writes: an output that is or holds the job or its images is
/// refused; a folder Trap did not write (no marker) is never replaced or deleted, whether it is the
/// output or sits where the staging folders go; an empty folder may be used; and one output has
/// one writer at a time. Every refusal comes before any work and leaves every file in place.
/// </summary>
public sealed class OutputFolderSafetyTests
{
    [Theory]
    [InlineData(".", "is the job folder")]
    [InlineData("./", "is the job folder")]
    [InlineData("..", "contains the job folder")]
    [InlineData("images", "contains the images")]
    [InlineData("images/p00", "contains the images")]
    [InlineData("images/out", "lies inside the images folder")]
    [InlineData("images/p00/out", "lies inside the images folder")]
    public async Task AnOutputHoldingOrInsideTheJobIsRefusedAndNothingIsDeleted(string output, string problem)
    {
        using var job = new JobFolder(output);
        var before = job.Files();

        var error = await Assert.ThrowsAsync<OutputFolderException>(() => job.RunAsync());

        Assert.Contains(problem, error.Message);
        Assert.Contains(job.JobFile, error.Message);
        Assert.Equal(before, job.Files());
    }

    [Fact]
    public async Task AnExistingFolderTrapDidNotWriteIsRefusedBeforeAnyWork()
    {
        using var job = new JobFolder();
        var theirs = Path.Combine(job.Root, "results");
        Directory.CreateDirectory(theirs);
        File.WriteAllText(Path.Combine(theirs, "thesis.tex"), "years of work");
        var before = job.Files();

        var error = await Assert.ThrowsAsync<OutputFolderException>(() => job.RunAsync(theirs));

        Assert.Contains($"output {theirs} is a folder with files that Trap did not write", error.Message);
        Assert.Equal(before, job.Files());
        Assert.False(Directory.Exists(theirs + ".partial"), "no staging folder: the run stopped before any work");
    }

    [Fact]
    public void AnEmptyFolderIsUsedAndTheFolderTrapWroteIsReplaced()
    {
        using var job = new JobFolder();
        var target = Path.Combine(job.Root, "output");
        Directory.CreateDirectory(target);

        TinyDataset.Commit(target, "first");
        Assert.True(DatasetMarker.IsMarked(target));
        TinyDataset.Commit(target, "second");

        Assert.Equal("second", TinyDataset.Read(target));
        Assert.False(Directory.Exists(target + ".partial"));
        Assert.False(Directory.Exists(target + ".old"));
    }

    [Theory]
    [InlineData(".partial")]
    [InlineData(".old")]
    public void AStagingNameHoldingFilesTrapDidNotWriteIsNotDeleted(string suffix)
    {
        using var job = new JobFolder();
        var target = Path.Combine(job.Root, "output");
        Directory.CreateDirectory(target + suffix);
        File.WriteAllText(Path.Combine(target + suffix, "keep.txt"), "mine");

        var error = Assert.Throws<OutputFolderException>(() => DatasetFolder.Open(target));

        Assert.Contains($"{target}{suffix} holds files that Trap did not write", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target + suffix, "keep.txt")));
        Assert.False(Directory.Exists(target), "a stray X.old is not taken for an interrupted commit");
    }

    [Fact]
    public async Task ASecondRunOfTheSameOutputIsRefusedNamingTheHolder()
    {
        using var job = new JobFolder();
        using var first = DatasetFolder.Open(Path.Combine(job.Folder, "output"));

        var error = await Assert.ThrowsAsync<OutputFolderException>(() => job.RunAsync());

        Assert.Contains($"process pid {Environment.ProcessId} on host {Environment.MachineName} since 20", error.Message);
        Assert.Contains(OutputLock.PathFor(first.Target), error.Message);
        Assert.True(Directory.Exists(first.Staging), "the first run's staging folder is untouched");
    }

    [Fact]
    public void ALockHeldByAProcessThatIsKilledStopsBlockingWhenItDies()
    {
        using var job = new JobFolder();
        var target = Path.Combine(job.Root, "output");
        // flock(1) holds an exclusive lock on the lock file as Trap does, then is killed like a crashed run.
        using var holder = Process.Start(new ProcessStartInfo("flock", new[] { "-o", OutputLock.PathFor(target), "sleep", "60" }))!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!IsLocked(target) && DateTime.UtcNow < deadline) Thread.Sleep(20);
        var error = Assert.Throws<OutputFolderException>(() => DatasetFolder.Open(target).Dispose());
        Assert.Contains("being written by another run (a process that did not write its name there", error.Message);

        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();

        Assert.False(IsLocked(target));
    }

    private static bool IsLocked(string target)
    {
        try
        {
            DatasetFolder.Open(target).Dispose();
            return false;
        }
        catch (OutputFolderException)
        {
            return true;
        }
    }
}
