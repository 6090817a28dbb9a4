namespace Trap.Formats.Casa;

/// <summary>
/// Converts a CASA image folder to a temporary FITS file with casacore's <c>image2fits</c>
/// (docs/science.md §10.4). image2fits writes STOKES before a VOPT spectral axis with RESTFRQ,
/// BMAJ/BMIN/BPA in degrees, DATE-OBS from coords.obsdate and OBSRA/OBSDEC from the pointing centre.
/// </summary>
public static class CasaImageConverter
{
    /// <summary>Converts <paramref name="imageDirectory"/>; dispose the result to delete the file.</summary>
    public static TemporaryFile ToFits(string imageDirectory)
    {
        var full = Path.GetFullPath(imageDirectory);
        var temporary = new TemporaryFile(Path.Combine(Path.GetTempPath(), $"trap-casa-{Guid.NewGuid():N}.fits"));
        try
        {
            CasacoreTool.Run("image2fits", new[] { "in=" + full, "out=" + temporary.Path }, imageDirectory);
            if (!File.Exists(temporary.Path) || new FileInfo(temporary.Path).Length == 0)
            {
                throw new CasaFormatException(imageDirectory, "image2fits finished but wrote no FITS file",
                    "Check that the image is complete and that the temporary folder " + Path.GetTempPath() + " is writable.");
            }
            return temporary;
        }
        catch
        {
            temporary.Dispose();
            throw;
        }
    }
}

/// <summary>A file deleted when disposed (also when it was never created).</summary>
public sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(string path) => Path = path;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Best effort: a temp file that cannot be removed must not fail the read that made it.
        }
    }
}
