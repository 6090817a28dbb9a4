using System.Diagnostics;
using System.Runtime.Versioning;
using Trap.Cli.Commands;
using Trap.TestSupport;

namespace Trap.Cli.Tests.Safety;

/// <summary>
/// What Trap promises about its command line: an option that is empty or misspelt stops the run
/// with a usage error instead of silently changing it, and database passwords stay off command lines.
/// </summary>
public sealed class CommandLineSafetyTests : IDisposable
{
    private const string Secret = "s3cret-pw";
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AnExplicitlyEmptyDatabaseIsAUsageError()
    {
        var outcome = CommandLine.Trap("run", "job", "--database", "");
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("trap run: --database is empty", outcome.Error);
        Assert.Contains("--no-database", outcome.Error);
    }

    [Fact]
    public void AMisspeltConfKeyIsRefusedWithTheNearestKnownKey()
    {
        var outcome = CommandLine.Trap("run", "job", "--no-database", "--conf", "trap.task.timeoutSecond=600");
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("unknown --conf key 'trap.task.timeoutSecond'; did you mean trap.task.timeoutSeconds?", outcome.Error);
    }

    [Theory]
    [InlineData("Host=db;Username=trap;Password=" + Secret)]
    [InlineData("postgresql://trap:" + Secret + "@db/trap")]
    public void APasswordOnTheCommandLineIsWarnedAboutWithoutRepeatingIt(string connection)
    {
        var warning = InlinePassword.Warning("--database", connection);
        Assert.NotNull(warning);
        Assert.Contains("PGPASSWORD", warning);
        Assert.DoesNotContain(Secret, warning);
        Assert.Null(InlinePassword.Warning("--database", "Host=db;Username=trap"));
    }

    [Fact]
    public void ThePasswordCanComeFromAFile()
    {
        var file = Path.Combine(_folder, "password");
        File.WriteAllText(file, Secret + "\n");
        var settings = RunCommand.DatabaseFor("Host=db;Username=trap;Database=trap", file)!;
        Assert.Contains("Password=" + Secret, settings.ConnectionString);
        Assert.DoesNotContain(Secret, settings.Masked);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void StartWorkerKeepsTheConnectionStringOffTheWorkersCommandLine()
    {
        // The script with a stand-in `trap` beside it that records its arguments and environment.
        Directory.CreateDirectory(Path.Combine(_folder, "cluster"));
        File.Copy(Checkout.PathOf("cluster/start-worker.sh"), Path.Combine(_folder, "cluster", "start-worker.sh"));
        var fake = Path.Combine(_folder, "trap");
        File.WriteAllText(fake, "#!/usr/bin/env bash\necho \"$*\" > \"$(dirname \"$0\")/args\"\necho \"$TRAP_DATABASE_URL\" > \"$(dirname \"$0\")/env\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash", [Path.Combine(_folder, "cluster", "start-worker.sh"), "c1", "--cores", "2"]);
        start.Environment["TRAP_DATABASE_URL"] = "Host=db;Username=trap;Password=" + Secret;
        using (var script = Process.Start(start)!)
        {
            script.WaitForExit();
            Assert.Equal(0, script.ExitCode);
        }
        var args = File.ReadAllText(Path.Combine(_folder, "args"));
        Assert.Equal("worker --cluster-id c1 --cores 2", args.Trim());
        Assert.Contains(Secret, File.ReadAllText(Path.Combine(_folder, "env")));
    }
}
