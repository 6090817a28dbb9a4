using System.Diagnostics;
using System.Runtime.Versioning;
using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.TestSupport;

namespace Trap.Cli.Tests;

/// <summary>Ctrl-C reaches the running job: `trap run` stops, exits 130, and leaves no output or staging folder behind.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task CtrlCStopsARunAndLeavesNothingBehind()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 4, Timesteps = 20 }), _folder);
        File.WriteAllText(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        var start = new ProcessStartInfo("dotnet", [Checkout.PathOf("src/Trap.Cli/bin/Release/net10.0/trap.dll"), "run", _folder, "--no-database", "--master", "local[1]"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var run = Process.Start(start)!;
        var stderr = run.StandardError.ReadToEndAsync();
        // Interrupt once extraction has begun (the staging folder exists), as a user would mid-run.
        var staging = Path.Combine(_folder, "output.partial");
        for (var waited = 0; !Directory.Exists(staging) && waited < 600; waited++) await Task.Delay(100);
        Assert.True(Directory.Exists(staging), "the run never started its stages");
        using (var kill = Process.Start("kill", ["-INT", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();

        var stdout = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();

        Assert.True(ExitCodes.Interrupted == run.ExitCode, $"exit {run.ExitCode}\n{stdout}\n{await stderr}");
        Assert.Contains("interrupted", await stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder, "output")), "an interrupted run published an output");
        Assert.False(Directory.Exists(staging), "an interrupted run left its staging folder");
    }
}
