namespace Trap.Science.Extraction;

/// <summary>
/// An image on which source extraction cannot run (e.g. flat data). The message names the image,
/// what is wrong and what to do; the caller rejects the image and the run goes on.
/// </summary>
public sealed class ExtractionException : Exception
{
    public ExtractionException(string image, string problem, string remedy)
        : base($"{image}: {problem}. {remedy}")
    {
        Image = image;
        Problem = problem;
    }

    public string Image { get; }

    public string Problem { get; }
}
