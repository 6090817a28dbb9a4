namespace Trap.Dataset;

/// <summary>
/// The science stages mark a value that does not apply with NaN, an infinity, zero or an empty
/// string; the output writes NULL instead (docs/outputs.md: no placeholders in the dataset).
/// </summary>
public static class NotApplicable
{
    /// <summary>NULL for NaN and ±infinity.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>NULL unless finite and above zero: for quantities that are never zero (frequencies, times, noise).</summary>
    public static double? Positive(double value) => double.IsFinite(value) && value > 0 ? value : null;

    /// <summary>NULL for an empty or missing text.</summary>
    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
