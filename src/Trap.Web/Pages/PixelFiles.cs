using Microsoft.AspNetCore.Http;
using Trap.Formats.Fits;
using Trap.Web.Data;
using Trap.Web.Input;
using Trap.Web.Pixels;

namespace Trap.Web.Pages;

/// <summary>
/// Pixels of one image, read from its FITS file when asked (never stored in the catalogue): a postage
/// stamp around a position (PNG), the same cut-out as FITS, and the whole image shrunk for the image
/// page (PNG). An image whose file is gone answers 404 with the reason (<see cref="ImageFile"/>).
/// </summary>
public static class PixelFiles
{
    /// <summary>Headers parsed once per image file for the whole site (bounded).</summary>
    private static readonly ImageHeaders Headers = new();

    /// <summary>Pixels do not change while the file stays: browsers may keep them for an hour.</summary>
    private const string CacheControl = "private, max-age=3600";

    /// <summary>/datasets/{d}/images/{i}/stamp.png?ra=&amp;dec=[&amp;size=][&amp;lo=&amp;hi=]: lo–hi (Jy/beam) black to white, else the stamp's own percentiles.</summary>
    public static async Task<IResult> StampPngAsync(PageRequest request)
    {
        var (file, ra, dec, size) = await StampRequestAsync(request);
        var lo = request.Input.Number("lo", -1e9, 1e9);
        var hi = request.Input.Number("hi", -1e9, 1e9);
        if ((lo is null) != (hi is null) || lo >= hi) throw new BadInputException("Give both lo and hi (Jy/beam, lo < hi), or neither for the stamp's own range.");
        var stamp = Read(file, () => Stamp.Cut(file.Path, Headers.Get(file.Path), ra, dec, size));
        var range = lo is { } l && hi is { } h ? new DisplayRange(l, h) : DisplayRange.Percentiles(stamp.Values);
        return Cached(request, Results.Bytes(GreyPng.Encode(stamp.Values, stamp.Size, stamp.Size, range), "image/png"));
    }

    /// <summary>/datasets/{d}/images/{i}/cutout.fits?ra=&amp;dec=[&amp;size=]: the stamp's pixels with a WCS header.</summary>
    public static async Task<IResult> CutoutFitsAsync(PageRequest request)
    {
        var (file, ra, dec, size) = await StampRequestAsync(request);
        var stamp = Read(file, () => Stamp.Cut(file.Path, Headers.Get(file.Path), ra, dec, size));
        var name = $"{Path.GetFileNameWithoutExtension(file.Path)}-cutout-{Html.Fmt.Deg(ra)}{(dec < 0 ? "" : "+")}{Html.Fmt.Deg(dec)}.fits";
        return Cached(request, Results.File(stamp.ToFits(), "application/fits", name));
    }

    /// <summary>/datasets/{d}/images/{i}/preview.png: the whole image, binned to at most <see cref="ImagePreview.MaxSide"/> a side.</summary>
    public static async Task<IResult> PreviewPngAsync(PageRequest request)
    {
        var file = await LocateAsync(request);
        var preview = Read(file, () => ImagePreview.Read(file.Path));
        return Cached(request, Results.Bytes(preview.ToPng(), "image/png"));
    }

    /// <summary>The image file named by the route, or a 404 saying why its pixels cannot be had.</summary>
    public static async Task<ImageFile> LocateAsync(PageRequest request)
    {
        var image = request.RouteId("image", "image id");
        var url = await request.ReadAsync(q => ImageDetail.UrlAsync(q, request.Dataset.Id, image));
        var file = ImageFile.Locate(url);
        return file.IsReachable ? file : throw new NotFoundException(file.Problem!);
    }

    private static async Task<(ImageFile File, double Ra, double Dec, int Size)> StampRequestAsync(PageRequest request)
    {
        var ra = request.Input.Number("ra", 0, 360) ?? throw new BadInputException("A cut-out needs ra and dec (degrees).");
        var dec = request.Input.Number("dec", -90, 90) ?? throw new BadInputException("A cut-out needs ra and dec (degrees).");
        var size = request.Input.Integer("size", Stamp.MinSize, Stamp.MaxSize) ?? Stamp.DefaultSize;
        return (await LocateAsync(request), ra, dec, size);
    }

    /// <summary>A file that exists but cannot be read as a FITS image is a 404 with the reader's reason, not a fault of the site.</summary>
    private static T Read<T>(ImageFile file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FitsFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new NotFoundException($"The pixels of {file.Path} cannot be shown: {e.Message}");
        }
    }

    private static IResult Cached(PageRequest request, IResult result)
    {
        request.SetResponseHeader("Cache-Control", CacheControl);
        return result;
    }
}
