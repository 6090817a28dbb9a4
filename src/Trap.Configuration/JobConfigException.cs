namespace Trap.Configuration;

/// <summary>A job configuration that cannot be used: names the file, the line, what is wrong and what to do.</summary>
public sealed class JobConfigException : Exception
{
    public JobConfigException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    /// <summary>1-based line number, or 0 when the problem is not tied to one line.</summary>
    public int Line { get; }
}
