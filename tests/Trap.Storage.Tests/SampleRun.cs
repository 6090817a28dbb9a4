using Trap.Dataset.Rows;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

/// <summary>
/// A small run with rows in every table, values drawn from a seeded generator (NaN, nulls, quotes
/// and non-ASCII text included), so a round trip exercises every column.
/// </summary>
public sealed class SampleRun
{
    public SampleRun(string name, int seed = 1, int images = 6, int sourcesPerImage = 40)
    {
        var random = new Random(seed);
        double Next(double low, double high) => low + (high - low) * random.NextDouble();
        var t0 = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddMinutes(seed);

        Dataset = new DatasetRow
        {
            Name = name, Description = "sample run " + seed + " — ‘quoted’ \"text\"",
            ProcessStartUtc = t0, ProcessEndUtc = t0.AddSeconds(93.25), NImages = images, NRejected = 1, Engine = "local[2]",
        };
        Config =
        [
            new ConfigRow { Section = "persistence", Key = "rms_est_sigma", Value = "4", Type = "int" },
            new ConfigRow { Section = "source_extraction", Key = "detection_threshold", Value = (8.0 + seed).ToString("R"), Type = "float" },
            new ConfigRow { Section = "pipeline", Key = "mode", Value = "batch", Type = "str" },
        ];
        Bands =
        [
            new FrequencyBandRow { BandId = 1, FreqCentralHz = 1.4e9, FreqLowHz = 1.39e9, FreqHighHz = 1.41e9 },
            new FrequencyBandRow { BandId = 2, FreqCentralHz = 1.8e9, FreqLowHz = 1.79e9, FreqHighHz = 1.81e9 },
        ];
        Regions = [new SkyRegionRow { SkyRegionId = 1, CentreRaDeg = 359.5, CentreDecDeg = -30.25, XtrRadiusDeg = 1.5 }];
        for (var i = 0; i < images; i++)
        {
            Images.Add(new ImageRow
            {
                ImageId = i + 1, Url = "/data/obs/image_" + i + ".fits", Telescope = i != images - 1 ? "KAT-7" : null, Accessor = "kat7",
                Timestep = i / 2, BandId = 1 + i % 2, SkyRegionId = 1, StartUtc = t0.AddMinutes(10 * i), IntegrationS = 60,
                FreqEffHz = i % 2 == 0 ? 1.4e9 : 1.8e9, FreqBwHz = 2e7, Stokes = "I", CentreRaDeg = 359.5, CentreDecDeg = -30.25,
                XtrRadiusDeg = 1.5, RbSmajDeg = Next(0.01, 0.02), RbSminDeg = Next(0.005, 0.01), RbPaDeg = Next(-90, 90),
                DeltaxDeg = -0.002, DeltayDeg = 0.002, WidthPx = 512, HeightPx = 512, RmsQcJy = Next(1e-3, 2e-3),
                TheoreticalNoiseJy = 8e-4, RmsMinJy = i != images - 1 ? 9e-4 : null, RmsMaxJy = i != images - 1 ? 3e-3 : null, DetectionThresh = 8,
                AnalysisThresh = 3, Accepted = i != images - 1, NSources = i != images - 1 ? sourcesPerImage : null,
            });
        }
        Rejections = [new RejectionRow { ImageId = images, Url = Images[^1].Url, ReasonId = 0, Reason = "RMS invalid", Comment = "rms 0.5 Jy > 3σ (O'Brien's test)" }];

        var runcats = sourcesPerImage;
        for (var r = 0; r < runcats; r++)
        {
            var ra = (359.0 + Next(0, 2)) % 360.0;
            var dec = Next(-31.5, -29);
            var (x, y, z) = Sky.UnitVector(ra, dec);
            Catalogue.Add(new RunningCatalogueRow
            {
                RuncatId = r + 1, FirstSourceId = r + 1, Datapoints = images - 1, WmRaDeg = ra, WmDecDeg = dec,
                WmUncertaintyEwDeg = Next(1e-4, 1e-3), WmUncertaintyNsDeg = Next(1e-4, 1e-3), AvgRaErrDeg = Next(1e-4, 1e-3),
                AvgDecErrDeg = Next(1e-4, 1e-3), Zone = (int)Math.Floor(dec), X = x, Y = y, Z = z, MonSrc = r == 0, ForcedfitsCount = r % 3,
            });
            Fluxes.Add(new CatalogueFluxRow
            {
                RuncatId = r + 1, BandId = 1, FDatapoints = 3, AvgFPeakJy = Next(0.01, 1), AvgFIntJy = Next(0.01, 1),
                WavgFIntJy = Next(0.01, 1), VInt = Next(0, 0.5), EtaInt = Next(0, 10), VPeak = Next(0, 0.5), EtaPeak = r == 3 ? double.NaN : Next(0, 10),
            });
            Variability.Add(new VariabilityRow
            {
                RuncatId = r + 1, BandId = 1, FDatapoints = 3, VInt = Next(0, 0.5), EtaInt = Next(0, 10), VPeak = Next(0, 0.5),
                EtaPeak = Next(0, 10), EtaIntSignificance = Next(0, 5), LightcurveMaxJy = Next(0.1, 1), LightcurveAvgJy = Next(0.05, 0.5),
                LightcurveMedianJy = Next(0.05, 0.5), VsIntMax = Next(0, 8), MIntMax = Next(0, 1), VsPeakMax = Next(0, 8), MPeakMax = Next(0, 1),
                NewsourceType = r % 7 == 0 ? r % 2 : null, SigmaRmsMin = r % 7 == 0 ? Next(5, 20) : null, SigmaRmsMax = r % 7 == 0 ? Next(20, 40) : null,
            });
            if (r % 5 == 0)
            {
                // Candidates, with the values that stress the loader: a null neighbour, infinities and NaN.
                Candidates.Add(new CandidateRow
                {
                    RuncatId = r + 1, BandId = 1, RaDeg = ra, DecDeg = dec, ErrorRadiusDeg = Next(1e-4, 1e-3),
                    Class = r % 2 == 0 ? "flare" : "variable", Score = Next(0.5, 1), ClassRule = "rule", SelectedBy = "new_source,cuts",
                    TriggerUtc = Dataset.ProcessStartUtc.AddMinutes(r), FDatapoints = 3, VInt = Next(0, 0.5), EtaInt = Next(0, 10),
                    EtaIntSignificance = Next(0, 1), EtaSigmas = r == 0 ? null : Next(0, 5), VSigmas = Next(0, 5),
                    NewsourceType = r % 2 == 0 ? 1 : null, SigmaRmsMin = r % 2 == 0 ? Next(5, 20) : null, SigmaRmsMax = r % 2 == 0 ? Next(20, 40) : null,
                    NPoints = 3, ForcedFraction = Next(0, 1), FirstDetectionUtc = Dataset.ProcessStartUtc, PeakUtc = Dataset.ProcessStartUtc.AddMinutes(1),
                    PeakFIntJy = Next(0.1, 1), PeakFIntErrJy = Next(1e-3, 1e-2), FirstToPeak = Next(0, 1), LastToPeak = Next(0, 1),
                    TimeTrend = Next(-1, 1), EdgeDistanceBeams = Next(0, 20), CentreDistanceFraction = Next(0, 1),
                    BrightNeighbourRuncatId = r == 0 ? null : 1, BrightNeighbourDistanceBeams = r == 0 ? null : Next(1, 10),
                    BrightNeighbourFluxRatio = r == 0 ? null : Next(10, 100), MedianReducedChisq = Next(0, 2), Ivorn = $"ivo://trap.local/transients#sample-runcat-{r + 1}",
                });
            }
            if (r % 7 == 0)
            {
                NewSources.Add(new NewSourceRow
                {
                    RuncatId = r + 1, TriggerSourceId = r + 1, PreviousLimitsImageId = 1, NewsourceType = r % 2,
                    TriggerFPeakJy = Next(0.1, 1), TriggerFIntJy = Next(0.1, 1), SigmaRmsMin = Next(5, 20), SigmaRmsMax = Next(20, 40),
                });
            }
        }
        Monitors = [new MonitorRow { MonitorId = 1, RaDeg = 0.25, DecDeg = -30, Name = "PSR J0000-30", RuncatId = 1 },
                    new MonitorRow { MonitorId = 2, RaDeg = 359.75, DecDeg = -30.5, Name = "", RuncatId = null }];

        long sourceId = 0;
        foreach (var image in Images.Where(i => i.Accepted))
        {
            for (var s = 0; s < sourcesPerImage; s++)
            {
                var runcat = Catalogue[s];
                var id = ++sourceId;
                var forced = s % 5 == 4;
                Sources.Add(new ExtractedSourceRow
                {
                    SourceId = id, ImageId = image.ImageId, ExtractType = forced ? 1 : 0, FitType = forced ? 1 : s % 2,
                    FfRuncatId = forced ? runcat.RuncatId : null, FfMonitorId = s == 0 ? 1 : null,
                    RaDeg = (runcat.WmRaDeg + Next(-1e-4, 1e-4) + 360) % 360, DecDeg = runcat.WmDecDeg + Next(-1e-4, 1e-4),
                    RaFitErrDeg = Next(1e-5, 1e-4), DecFitErrDeg = Next(1e-5, 1e-4), RaErrDeg = Next(1e-5, 1e-4), DecErrDeg = Next(1e-5, 1e-4),
                    UncertaintyEwDeg = Next(1e-5, 1e-4), UncertaintyNsDeg = Next(1e-5, 1e-4), ErrorRadiusArcsec = Next(0.1, 2),
                    EwSysErrArcsec = 0.5, NsSysErrArcsec = 0.5, XPix = Next(0, 512), YPix = Next(0, 512), Zone = runcat.Zone,
                    DetSigma = Next(5, 100), SemimajorArcsec = Next(30, 60), SemiminorArcsec = Next(20, 30), PaDeg = Next(-90, 90),
                    FPeakJy = Next(0.01, 1), FPeakErrJy = Next(1e-3, 1e-2), FIntJy = Next(0.01, 1), FIntErrJy = Next(1e-3, 1e-2),
                    Chisq = Next(0, 10), ReducedChisq = s == 1 ? double.PositiveInfinity : Next(0, 2),
                });
                Associations.Add(new AssociationRow
                {
                    RuncatId = runcat.RuncatId, SourceId = id, ImageId = image.ImageId, BandId = image.BandId!.Value, TimeUtc = image.StartUtc!.Value,
                    Type = forced ? 7 : 3, DistanceArcsec = Next(0, 5), R = Next(0, 3), FDatapoints = (int)image.ImageId,
                    VInt = Next(0, 0.5), EtaInt = Next(0, 10), VPeak = Next(0, 0.5), EtaPeak = Next(0, 10),
                    FIntJy = Next(0.01, 1), FIntErrJy = Next(1e-3, 1e-2), FPeakJy = Next(0.01, 1), FPeakErrJy = Next(1e-3, 1e-2),
                });
            }
        }
    }

    public DatasetRow Dataset { get; }
    public List<ConfigRow> Config { get; }
    public List<ImageRow> Images { get; } = new();
    public List<RejectionRow> Rejections { get; }
    public List<FrequencyBandRow> Bands { get; }
    public List<SkyRegionRow> Regions { get; }
    public List<ExtractedSourceRow> Sources { get; } = new();
    public List<RunningCatalogueRow> Catalogue { get; } = new();
    public List<CatalogueFluxRow> Fluxes { get; } = new();
    public List<AssociationRow> Associations { get; } = new();
    public List<NewSourceRow> NewSources { get; } = new();
    public List<VariabilityRow> Variability { get; } = new();
    public List<MonitorRow> Monitors { get; }
    public List<CandidateRow> Candidates { get; } = new();
    public List<StageRow> Stages { get; } = new()
    {
        new StageRow { Position = 1, Stage = "extraction", RowsIn = 3, RowsInKind = "images", RowsOut = 12, RowsOutKind = "extracted sources", WallSeconds = 0.25, DriverCpuSeconds = 0.5 },
        new StageRow { Position = 2, Stage = "candidates", RowsIn = 5, RowsInKind = "catalogue sources", RowsOut = 0, RowsOutKind = "candidates", WallSeconds = 0.01, DriverCpuSeconds = 0 },
    };

    /// <summary>The rows of the table with row type <paramref name="rowType"/>.</summary>
    public System.Collections.IEnumerable RowsOf(Type rowType) => rowType.Name switch
    {
        nameof(DatasetRow) => new[] { Dataset },
        nameof(ConfigRow) => Config,
        nameof(ImageRow) => Images,
        nameof(RejectionRow) => Rejections,
        nameof(FrequencyBandRow) => Bands,
        nameof(SkyRegionRow) => Regions,
        nameof(ExtractedSourceRow) => Sources,
        nameof(RunningCatalogueRow) => Catalogue,
        nameof(CatalogueFluxRow) => Fluxes,
        nameof(AssociationRow) => Associations,
        nameof(NewSourceRow) => NewSources,
        nameof(VariabilityRow) => Variability,
        nameof(MonitorRow) => Monitors,
        nameof(CandidateRow) => Candidates,
        nameof(StageRow) => Stages,
        _ => throw new ArgumentException("SampleRun has no table of " + rowType.Name),
    };

    public DatasetContents Contents() => new DatasetContents(Dataset)
        .Set(Config).Set(Images).Set(Rejections).Set(Bands).Set(Regions).Set(Sources).Set(Catalogue)
        .Set(Fluxes).Set(Associations).Set(NewSources).Set(Variability).Set(Monitors).Set(Candidates).Set(Stages);
}
