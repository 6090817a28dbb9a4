namespace Trap.Web.Pixels;

/// <summary>
/// Where an image's pixels are: the path the run read it from (the image table's url), if that file is
/// still there and is a FITS file. Pages show <see cref="Problem"/> in place of pixels otherwise.
/// </summary>
public sealed record ImageFile(string Path, string? Problem)
{
    public bool IsReachable => Problem is null;

    public static ImageFile Locate(string url)
    {
        if (Directory.Exists(url))
        {
            return new(url, $"The image {url} is a CASA image folder; pixels are shown for FITS images only (convert it with image2fits to see them).");
        }
        if (!File.Exists(url))
        {
            return new(url, $"The image file {url} is no longer reachable from this server (moved or deleted since the run); " +
                            "its catalogue rows are all still here. Put the file back at that path to see its pixels.");
        }
        return new(url, null);
    }
}
