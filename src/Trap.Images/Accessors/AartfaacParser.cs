using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// AARTFAAC all-sky images (casacore-made headers, also in the live stream): SIN centred on the zenith
/// with CDELT1 &gt; 0 and CDELT2 &lt; 0 (handled generically with |CDELT|) and a VOPT axis with the subband
/// frequency in RESTFRQ (handled by <see cref="SpectralParser"/>). Their BMAJ = BMIN = 1°, BPA = 0 is a
/// placeholder, not a measured beam (docs/science.md §10.3): it is kept, as TraP does, with a warning.
/// </summary>
public sealed class AartfaacParser : ITelescopeParser
{
    public string Name => "aartfaac";

    public bool Accepts(string telescope, FitsHeader header) =>
        telescope.Equals("AARTFAAC", StringComparison.OrdinalIgnoreCase);

    public ImageMetadata Refine(ImageMetadata metadata, FitsHeader header)
    {
        if (metadata.Beam is { MajorFwhmDeg: 1.0, MinorFwhmDeg: 1.0, PositionAngleDeg: 0.0 })
        {
            return metadata with
            {
                Warnings = metadata.Warnings.Append(
                    "AARTFAAC beam 1°×1° at PA 0 is the imager's placeholder, not the true beam; set a beam override for source fitting").ToArray(),
            };
        }
        return metadata;
    }
}
