namespace Trap.Science.Association;

/// <summary>
/// How an image's candidate pairs become associations (`[association] matching`, docs/science.md §5.6).
/// </summary>
public enum AssociationMatching
{
    /// <summary>
    /// Each detection and each catalogue source in at most one pair, taken in increasing De Ruiter radius:
    /// a detection left without a pair starts a catalogue source of its own, a catalogue source left
    /// without one gets a null-detection fit. The default.
    /// </summary>
    Nearest,

    /// <summary>TraP's topology (§5.3): a source matched by several detections forks; a detection matching several sources is counted in each.</summary>
    Trap,
}
