using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// MeerKAT images (WSClean or CASA exportfits output; TraP has no MeerKAT accessor). TELESCOP is
/// matched case-insensitively ('MeerKAT', 'MEERKAT', also 'MeerKAT+'); the keywords are the generic
/// ones, so this parser only labels the accessor.
/// </summary>
public sealed class MeerKatParser : ITelescopeParser
{
    public string Name => "meerkat";

    public bool Accepts(string telescope, FitsHeader header) =>
        telescope.StartsWith("MEERKAT", StringComparison.OrdinalIgnoreCase);

    public ImageMetadata Refine(ImageMetadata metadata, FitsHeader header) => metadata;
}
