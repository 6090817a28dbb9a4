using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>Any telescope without specific keywords (TraP's FitsImage): the generic metadata as it is.
/// WSClean LOFAR images, which carry no ANTENNA card, take this path too, as in TraP.</summary>
public sealed class GenericParser : ITelescopeParser
{
    public string Name => "generic";

    public bool Accepts(string telescope, FitsHeader header) => true;

    public ImageMetadata Refine(ImageMetadata metadata, FitsHeader header) => metadata;
}
