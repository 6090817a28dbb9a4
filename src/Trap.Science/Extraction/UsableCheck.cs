namespace Trap.Science.Extraction;

/// <summary>Which blind detections near the edge of the searched area are kept (`usable_check` in job.cfg; docs/science.md).</summary>
public enum UsableCheck
{
    /// <summary>The fitted centre lies on a searched (unmasked) pixel. The default.</summary>
    Centre,

    /// <summary>TraP's is_usable: the four ends of the major and minor axes all lie on searched pixels.</summary>
    AxisEnds,
}
