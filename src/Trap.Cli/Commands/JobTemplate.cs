using System.Reflection;
using System.Text.RegularExpressions;

namespace Trap.Cli.Commands;

/// <summary>
/// The job.cfg `trap init` writes: jobs/demo/job.cfg (built in; every key with its default and what it
/// means) with the demo's own lines — the heading, images, output and description — made the new job's.
/// </summary>
public static partial class JobTemplate
{
    public static string For(string jobName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Trap.Cli.job.cfg")
                           ?? throw new InvalidOperationException("trap was built without jobs/demo/job.cfg");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var heading = text[..text.IndexOf('\n')];
        text = text.Replace(heading, $"# Trap job configuration of {jobName} (written by `trap init`; run it with `trap run FOLDER`).");
        text = Setting("images").Replace(text, "images = images/**/*.fits", 1);
        text = Setting("output").Replace(text, "output = output", 1);
        return Setting("description").Replace(text, $"description = {jobName}", 1);
    }

    private static Regex Setting(string key) => new($"^{key} = .*$", RegexOptions.Multiline);
}
