using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// The telescope-specific step of reading a header: chosen by TELESCOP (docs/science.md §10.2), it refines
/// the metadata the generic FITS path produced (<see cref="FitsImageParser"/>).
/// </summary>
public interface ITelescopeParser
{
    /// <summary>Accessor name stored in <see cref="ImageMetadata.Accessor"/>.</summary>
    string Name { get; }

    /// <summary>Whether this parser handles a header whose TELESCOP is <paramref name="telescope"/> (trimmed).</summary>
    bool Accepts(string telescope, FitsHeader header);

    /// <summary>Adds what this telescope's headers carry beyond the generic keywords.</summary>
    ImageMetadata Refine(ImageMetadata metadata, FitsHeader header);
}

/// <summary>The parsers in the order they are tried; the generic one accepts every header.</summary>
public static class TelescopeParsers
{
    public static IReadOnlyList<ITelescopeParser> All { get; } = new ITelescopeParser[]
    {
        new LofarParser(), new AartfaacParser(), new AmiLaParser(), new Kat7Parser(), new MeerKatParser(), new GenericParser(),
    };

    /// <summary>The parser for a header (TELESCOP compared trimmed).</summary>
    public static ITelescopeParser For(FitsHeader header)
    {
        var telescope = (header.GetString("TELESCOP") ?? string.Empty).Trim();
        return All.First(parser => parser.Accepts(telescope, header));
    }
}
