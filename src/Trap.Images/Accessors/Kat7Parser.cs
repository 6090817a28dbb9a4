using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// KAT-7 images (CASA images in practice, read through image2fits; the restoring beam is stored in
/// arcsec and arrives in degrees). No keywords beyond the generic ones; TraP's Kat7CasaImage sets the
/// integration time to a placeholder of 1 s, whereas Trap reports 0 (unknown) like any header without one.
/// </summary>
public sealed class Kat7Parser : ITelescopeParser
{
    public string Name => "kat7";

    public bool Accepts(string telescope, FitsHeader header) =>
        telescope.Equals("KAT-7", StringComparison.OrdinalIgnoreCase) || telescope.Equals("KAT7", StringComparison.OrdinalIgnoreCase);

    public ImageMetadata Refine(ImageMetadata metadata, FitsHeader header) => metadata;
}
