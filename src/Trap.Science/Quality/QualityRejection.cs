using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>A rejection: the reason and a human-readable explanation with the numbers involved.</summary>
public sealed record QualityRejection(RejectReason Reason, string Explanation)
{
    public override string ToString() => $"{Reason.Name} ({Reason.Id}): {Explanation}";
}
