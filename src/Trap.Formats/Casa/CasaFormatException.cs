namespace Trap.Formats.Casa;

/// <summary>
/// A CASA image folder that cannot be read, or casacore-tools missing or failing. The message always
/// names the image, what is wrong and what the user can do about it.
/// </summary>
public sealed class CasaFormatException : Exception
{
    public CasaFormatException(string image, string problem, string remedy, Exception? inner = null)
        : base($"{image}: {problem}. {remedy}", inner)
    {
        Image = image;
        Problem = problem;
        Remedy = remedy;
    }

    /// <summary>The CASA image folder that was being read.</summary>
    public string Image { get; }

    public string Problem { get; }

    public string Remedy { get; }
}
