using System.CommandLine;

namespace Trap.Cli.Tests;

/// <summary>Help everywhere: every command answers --help and -h (exit 0, its options listed), `trap help CMD` is the same, and mistakes exit 2.</summary>
public sealed class HelpAndUsageTests
{
    /// <summary>Every command of the tree, as the words that name it ("db load").</summary>
    public static TheoryData<string> Commands()
    {
        var all = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            foreach (var sub in command.Subcommands)
            {
                var words = (path + " " + sub.Name).Trim();
                all.Add(words);
                Walk(sub, words);
            }
        }
        Walk(TrapCommandLine.Create(), "");
        return all;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandAnswersHelp(string words)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var outcome = CommandLine.Trap([.. words.Split(' '), flag]);
            Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
            Assert.Contains("Usage:", outcome.Out);
            // The usage line starts with the executable's name (the test host's here, trap for users).
            Assert.Matches($@"Usage:\s+\S+ {words}\b", outcome.Out);
            Assert.Empty(outcome.Error);
        }
        Assert.Equal(CommandLine.Trap([.. words.Split(' '), "--help"]).Out, CommandLine.Trap(["help", .. words.Split(' ')]).Out);
    }

    [Fact]
    public void RunHelpListsEveryOptionAndTheExitStatus()
    {
        var help = CommandLine.Trap("run", "--help").Out;
        foreach (var option in new[] { "--output", "--master", "--executor-cores", "--conf", "--database", "--database-password-file", "--no-database", "--dry-run" })
        {
            Assert.Contains(option, help);
        }
        Assert.Contains("3 output written but not every VOEvent", help);
    }

    [Fact]
    public void VersionIsPrinted()
    {
        var outcome = CommandLine.Trap("--version");
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Out);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "job", "--bogus")]
    [InlineData("nosuch")]
    [InlineData("db")]
    [InlineData("simulate", "--out", "x", "--threads", "0")]
    [InlineData("cluster", "status", "--jobs", "0", "--cluster-id", "c")]
    [InlineData("help", "nosuch")]
    [InlineData("run", "job", "--log-level", "loud")]
    public void MistakesAreUsageErrorsThatPointToHelp(params string[] args)
    {
        var outcome = CommandLine.Trap(args);
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.NotEmpty(outcome.Error);
    }

    [Fact]
    public void TrapAloneListsTheCommandsAsAUsageError()
    {
        var outcome = CommandLine.Trap();
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        foreach (var command in new[] { "demo", "init", "run", "web", "simulate", "db", "alerts", "worker", "cluster", "compare" }) Assert.Contains(command, outcome.Out);
    }
}
