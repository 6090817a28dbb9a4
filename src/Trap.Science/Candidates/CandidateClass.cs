namespace Trap.Science.Candidates;

/// <summary>What a candidate's light curve and surroundings say it is.</summary>
public enum CandidateClass
{
    /// <summary>Appeared during the run and stayed (a new persistent source).</summary>
    NewSource,
    /// <summary>Appeared during the run and faded again.</summary>
    Flare,
    /// <summary>Present from the start and fading steadily.</summary>
    Fading,
    /// <summary>Present from the start and varying otherwise.</summary>
    Variable,
    /// <summary>Probably not astrophysical: at the image edge, next to a bright source, or badly fitted.</summary>
    Artefact,
}

/// <summary>Text forms for tables and packets: "new_source", "flare", "fading", "variable", "artefact".</summary>
public static class CandidateClassText
{
    public static string Format(CandidateClass value) => value switch
    {
        CandidateClass.NewSource => "new_source",
        CandidateClass.Flare => "flare",
        CandidateClass.Fading => "fading",
        CandidateClass.Variable => "variable",
        _ => "artefact",
    };
}
