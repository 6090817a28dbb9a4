namespace Trap.Science.Candidates;

/// <summary>Why a source was selected as a candidate (any combination).</summary>
[Flags]
public enum SelectionReasons
{
    None = 0,
    /// <summary>A new source of an accepted newsource type and sigma_rms.</summary>
    NewSource = 1,
    /// <summary>Passes the fixed η, V and significance cuts.</summary>
    Cuts = 2,
    /// <summary>An outlier of the band's log10 η and log10 V distributions.</summary>
    Outlier = 4,
    /// <summary>η passes its cuts and the blind positions move (docs/science.md §8.4): a transient blended with a
    /// steady source, whose flux change the steady flux dilutes below v_min.</summary>
    PositionShift = 8,
}

/// <summary>Text forms for tables and packets, e.g. "new_source,cuts".</summary>
public static class SelectionReasonsText
{
    public static string Format(SelectionReasons reasons)
    {
        var parts = new List<string>();
        if (reasons.HasFlag(SelectionReasons.NewSource)) parts.Add("new_source");
        if (reasons.HasFlag(SelectionReasons.Cuts)) parts.Add("cuts");
        if (reasons.HasFlag(SelectionReasons.Outlier)) parts.Add("outlier");
        if (reasons.HasFlag(SelectionReasons.PositionShift)) parts.Add("position_shift");
        return string.Join(",", parts);
    }
}
