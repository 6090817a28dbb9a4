namespace Trap.Cli;

/// <summary>A command line that parses but cannot be used (e.g. an empty --database); the message says what is wrong. Exit status 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
