using System.CommandLine;

namespace Trap.Cli.Commands;

/// <summary>`trap help [COMMAND...]`: the same help as `trap COMMAND --help`, for those who type it the other way round.</summary>
public static class HelpCommand
{
    public static Command Create(RootCommand root)
    {
        var words = new Argument<string[]>("COMMAND") { Description = "a command, e.g. run or db load", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "show the help of a command (trap help run is trap run --help)") { words };
        command.SetAction(parse =>
        {
            var asked = parse.GetValue(words) ?? [];
            var help = root.Parse([.. asked, "--help"]);
            if (help.UnmatchedTokens.Count > 0)
            {
                throw new CliUsageException($"there is no command '{string.Join(" ", asked)}'; trap --help lists them");
            }
            return help.Invoke(parse.InvocationConfiguration);
        });
        return command;
    }
}
