using Trap.Engine;
using Trap.Pipeline.Progress;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// A job in a temporary folder whose images (images/p00/*.fits) are placeholders: enough for the
/// checks a run makes before reading any image, which is where unsafe outputs must be refused.
/// </summary>
public sealed class JobFolder : IDisposable
{
    public JobFolder(string output = "output")
    {
        Directory.CreateDirectory(Path.Combine(Folder, "images", "p00"));
        foreach (var name in new[] { "a.fits", "b.fits" }) File.WriteAllText(Path.Combine(Folder, "images", "p00", name), "placeholder image");
        File.WriteAllText(JobFile, $"[job]\nimages = images/**/*.fits\noutput = {output}\n");
    }

    /// <summary>A parent folder around the job, so outputs above the job folder stay inside the test's space.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("trap-safety-").FullName;

    public string Folder => Path.Combine(Root, "job");

    public string JobFile => Path.Combine(Folder, "job.cfg");

    /// <summary>Every file under the root, relative, to show nothing was deleted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order().ToList();

    public async Task RunAsync(string? output = null)
    {
        await using var engine = new LocalEngine(1);
        await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(Folder, output);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
