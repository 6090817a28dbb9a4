using System.Globalization;
using Trap.Formats.Fits;
using Trap.Simulation.Planning;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Rendering;

/// <summary>
/// FITS headers as TraP's <c>tkp-inject</c> leaves a LOFAR image (docs/science.md §2.3, §10.3;
/// docs/science.md §10.3): NAXIS 4 (RA---SIN, DEC--SIN, FREQ, STOKES), BMAJ/BMIN/BPA in degrees,
/// DATE-OBS, TELESCOP 'LOFAR' with ANTENNA, station counts, subbands and TAU_TIME (so TraP's LOFAR
/// accessor applies), plus RESTFRQ/RESTBW as tkp-inject writes them.
/// </summary>
public static class LofarHeader
{
    public const string Origin = "Trap.Simulation";

    /// <summary>The structural and celestial WCS cards, shared by every image of a pointing.</summary>
    public static FitsHeader Celestial(SurveySpec spec, SkyPosition centre)
    {
        var header = new FitsHeader();
        AddCelestial(header, spec, centre);
        return header;
    }

    /// <summary>The full header of one image; bad-metadata images lack their beam or DATE-OBS.</summary>
    public static FitsHeader ForImage(SurveySpec spec, Pointing pointing, ImagePlan plan)
    {
        var header = new FitsHeader();
        AddCelestial(header, spec, pointing.Centre);
        header.Add(FitsCard.OfString("CTYPE3", "FREQ"));
        header.Add(FitsCard.OfReal("CRVAL3", plan.FrequencyHz, "centre frequency [Hz]"));
        header.Add(FitsCard.OfReal("CDELT3", plan.BandwidthHz, "bandwidth [Hz]"));
        header.Add(FitsCard.OfReal("CRPIX3", 1.0));
        header.Add(FitsCard.OfString("CUNIT3", "Hz"));
        header.Add(FitsCard.OfString("CTYPE4", "STOKES"));
        header.Add(FitsCard.OfReal("CRVAL4", 1.0, "Stokes I"));
        header.Add(FitsCard.OfReal("CDELT4", 1.0));
        header.Add(FitsCard.OfReal("CRPIX4", 1.0));
        header.Add(FitsCard.OfString("CUNIT4", ""));
        header.Add(FitsCard.OfString("SPECSYS", "TOPOCENT"));
        header.Add(FitsCard.OfString("BUNIT", "JY/BEAM"));
        header.Add(FitsCard.OfString("BTYPE", "Intensity"));
        if (plan.Quality != QualityKind.MissingBeam)
        {
            header.Add(FitsCard.OfReal("BMAJ", plan.Beam.MajorFwhmDeg, "beam major FWHM [deg]"));
            header.Add(FitsCard.OfReal("BMIN", plan.Beam.MinorFwhmDeg, "beam minor FWHM [deg]"));
            header.Add(FitsCard.OfReal("BPA", plan.Beam.PositionAngleDeg, "beam position angle [deg]"));
        }
        if (plan.Quality != QualityKind.MissingDate)
        {
            header.Add(FitsCard.OfString("DATE-OBS", FormatDate(plan.StartUtc), "start of integration"));
            header.Add(FitsCard.OfString("TIMESYS", "UTC"));
        }
        header.Add(FitsCard.OfString("TELESCOP", "LOFAR"));
        header.Add(FitsCard.OfString("OBSERVER", "Trap.Simulation"));
        header.Add(FitsCard.OfString("OBJECT", pointing.Name));
        header.Add(FitsCard.OfString("ORIGIN", Origin));
        var lofar = spec.Lofar;
        header.Add(FitsCard.OfString("ANTENNA", lofar.AntennaSet));
        header.Add(FitsCard.OfInteger("NCORE", lofar.CoreStations));
        header.Add(FitsCard.OfInteger("NREMOTE", lofar.RemoteStations));
        header.Add(FitsCard.OfInteger("NINTL", lofar.InternationalStations));
        header.Add(FitsCard.OfInteger("SUBBANDS", lofar.Subbands));
        header.Add(FitsCard.OfReal("SUBBANDW", lofar.SubbandWidthHz, "subband width [Hz]"));
        header.Add(FitsCard.OfReal("TAU_TIME", plan.IntegrationSeconds, "integration time [s]"));
        header.Add(FitsCard.OfReal("RESTFRQ", plan.FrequencyHz, "effective frequency [Hz]"));
        header.Add(FitsCard.OfReal("RESTBW", plan.BandwidthHz, "bandwidth [Hz]"));
        header.Add(FitsCard.Commentary("HISTORY",
            $"Trap.Simulation seed={spec.Seed} image={plan.Index} pointing={plan.PointingIndex} band={plan.Band} timestep={plan.Timestep}"));
        header.Add(FitsCard.Commentary("HISTORY", $"Trap.Simulation quality={plan.Quality} noise_rms_jy={plan.NoiseRmsJy.ToString("R", CultureInfo.InvariantCulture)}"));
        return header;
    }

    /// <summary>NAXIS1..4 of every image: (size, size, 1 frequency, 1 Stokes).</summary>
    public static int[] Axes(SurveySpec spec) => new[] { spec.ImageSize, spec.ImageSize, 1, 1 };

    public static string FormatDate(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static void AddCelestial(FitsHeader header, SurveySpec spec, SkyPosition centre)
    {
        header.Add(FitsCard.OfLogical("SIMPLE", true));
        header.Add(FitsCard.OfInteger("BITPIX", -32));
        header.Add(FitsCard.OfInteger("NAXIS", 4));
        var axes = Axes(spec);
        for (var i = 0; i < axes.Length; i++) header.Add(FitsCard.OfInteger($"NAXIS{i + 1}", axes[i]));
        header.Add(FitsCard.OfReal("EQUINOX", 2000.0));
        header.Add(FitsCard.OfString("RADESYS", "FK5"));
        // The reference pixel is array index size/2, which is also where TraP takes the image centre.
        var crpix = spec.ImageSize / 2.0 + 1.0;
        header.Add(FitsCard.OfString("CTYPE1", "RA---SIN"));
        header.Add(FitsCard.OfReal("CRVAL1", centre.RaDeg));
        header.Add(FitsCard.OfReal("CDELT1", -spec.PixelSizeDeg));
        header.Add(FitsCard.OfReal("CRPIX1", crpix));
        header.Add(FitsCard.OfString("CUNIT1", "deg"));
        header.Add(FitsCard.OfString("CTYPE2", "DEC--SIN"));
        header.Add(FitsCard.OfReal("CRVAL2", centre.DecDeg));
        header.Add(FitsCard.OfReal("CDELT2", spec.PixelSizeDeg));
        header.Add(FitsCard.OfReal("CRPIX2", crpix));
        header.Add(FitsCard.OfString("CUNIT2", "deg"));
    }
}
