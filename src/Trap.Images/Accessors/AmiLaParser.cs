using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// AMI-LA images (casacore and CASA writers). Everything they need is on the generic path: the VOPT
/// axis whose offset from RESTFRQ gives the true frequency (15.76 GHz where RESTFRQ says 13.88 GHz) and
/// the legacy PC00i00j matrix. The accessor exists so the images are labelled as TraP's AmiCasaImage does.
/// </summary>
public sealed class AmiLaParser : ITelescopeParser
{
    public string Name => "ami-la";

    public bool Accepts(string telescope, FitsHeader header) =>
        telescope.Equals("AMI-LA", StringComparison.OrdinalIgnoreCase) || telescope.Equals("AMI", StringComparison.OrdinalIgnoreCase);

    public ImageMetadata Refine(ImageMetadata metadata, FitsHeader header) => metadata;
}
