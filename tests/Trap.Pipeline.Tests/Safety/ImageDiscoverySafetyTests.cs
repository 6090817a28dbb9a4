using Trap.Pipeline.Planning;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// What Trap promises about the image folder: symlinks never make an image count twice nor a search
/// run forever, non-regular files are listed (to be rejected, never opened), and a folder that cannot
/// be read is skipped with a warning instead of stopping the run.
/// </summary>
public sealed class ImageDiscoverySafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-glob-").FullName;
    private readonly List<string> _warnings = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
        return path;
    }

    private void Link(string relative, string target) =>
        File.CreateSymbolicLink(Path.Combine(_folder, relative), target);

    private IReadOnlyList<string> Expand(string pattern = "images/**/*.fits") => ImageGlob.Expand(pattern, _folder, _warnings.Add);

    [Fact]
    public void ASymlinkLoopIsFollowedOnceAndReported()
    {
        var files = Enumerable.Range(0, 5).Select(i => Touch($"images/a/{i}.fits")).ToList();
        Link("images/a/up", "..");
        var found = Expand();
        Assert.Equal(files, found);
        Assert.Contains(_warnings, w => w.Contains("images/a/up") && w.Contains("searched already"));
    }

    [Fact]
    public void TwoLoopsEndQuicklyWithEveryFileOnce()
    {
        var files = new[] { "a", "b" }.SelectMany(d => Enumerable.Range(0, 5).Select(i => Touch($"images/{d}/{i}.fits"))).ToList();
        Link("images/a/loop", "../b");
        Link("images/b/loop", "../a");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var found = Expand();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the search took {clock.Elapsed}");
        Assert.Equal(files, found);
        Assert.NotEmpty(_warnings);
    }

    [Fact]
    public void OneFileReachedThroughTwoPathsIsListedOnceUnderItsSmallestPath()
    {
        var real = Touch("images/b/real.fits");
        Link("images/a-alias.fits", real);
        Assert.Equal([Path.Combine(_folder, "images/a-alias.fits")], Expand());
        Assert.Contains(_warnings, w => w.Contains("same file") && w.Contains("real.fits"));
    }

    [Fact]
    public void AFifoIsListedSoThatItIsRejectedNotSkipped()
    {
        var good = Touch("images/good.fits");
        var pipe = Path.Combine(_folder, "images/pipe.fits");
        SafetyFiles.MakeFifo(pipe);
        Assert.Equal([good, pipe], Expand());
    }

    [Fact]
    public void AnUnreadableFolderIsSkippedWithAWarningNamingIt()
    {
        // chmod 000 does not stop root (tests may run as root), so the listing itself fails here.
        var good = Touch("images/a/1.fits");
        Touch("images/locked/2.fits");
        var locked = Path.Combine(_folder, "images/locked");
        var found = ImageGlob.Expand("images/**/*.fits", _folder, _warnings.Add, folder => folder == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied.")
            : Directory.EnumerateFileSystemEntries(folder));
        Assert.Equal([good], found);
        Assert.Contains(_warnings, w => w.Contains("cannot list folder " + locked));
    }
}
