using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>
/// An output folder Trap will not write, because doing so could destroy files it did not write or
/// race another run; the message names the folder, what is wrong and what to do.
/// </summary>
public sealed class OutputFolderException : IOException
{
    public OutputFolderException(string message) : base(message)
    {
    }
}
