namespace Trap.Formats.Fits;

/// <summary>
/// The image HDU Trap reads from a FITS file: its header, its axis lengths (NAXIS1..NAXISn) and where
/// its data start. <see cref="HduIndex"/> is 0 for the primary HDU.
/// </summary>
public sealed record FitsImageHdu(FitsHeader Header, int[] Axes, int HduIndex, long DataOffset)
{
    public int Width => Axes[0];

    public int Height => Axes[1];
}
