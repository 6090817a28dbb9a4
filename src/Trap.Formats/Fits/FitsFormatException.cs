namespace Trap.Formats.Fits;

/// <summary>
/// A FITS (or FITS-like) input that cannot be read. The message always names the file, what is wrong
/// and what the user can do about it.
/// </summary>
public sealed class FitsFormatException : Exception
{
    public FitsFormatException(string file, string problem, string remedy, Exception? inner = null)
        : base($"{file}: {problem}. {remedy}", inner)
    {
        File = file;
        Problem = problem;
        Remedy = remedy;
    }

    /// <summary>The file (or stream name) that was being read.</summary>
    public string File { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>What the user can do.</summary>
    public string Remedy { get; }
}
