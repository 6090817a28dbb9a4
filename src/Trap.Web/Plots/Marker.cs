namespace Trap.Web.Plots;

/// <summary>Point shapes; light curves use a distinct one per kind of measurement.</summary>
public enum Marker
{
    Circle,
    Square,
    Diamond,
    /// <summary>A downward arrow from the point: an upper limit.</summary>
    UpperLimit,
}
